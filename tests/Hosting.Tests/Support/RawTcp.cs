using System.Net.Sockets;
using ActorMap.Hosting.Api;

namespace ActorMap.Hosting.Tests.Support;

/// <summary>A peer that speaks no protocol: bytes in, and a wait for the node to hang up.</summary>
internal sealed class RawTcp : IDisposable
{
    private readonly TcpClient _tcp = new();

    private RawTcp()
    {
    }

    /// <summary>This end's address as the node logs it, such as 127.0.0.1:51234.</summary>
    public string Address => PeerAddress.Of(_tcp.Client.LocalEndPoint);

    public static async Task<RawTcp> ConnectAsync(int port)
    {
        var raw = new RawTcp();
        await raw._tcp.ConnectAsync("127.0.0.1", port);
        return raw;
    }

    public async Task SendAsync(byte[] bytes) => await _tcp.GetStream().WriteAsync(bytes);

    /// <summary>Reads whatever the node answers until it closes the connection; fails at the deadline.</summary>
    public async Task AwaitClosedByNodeAsync(TimeSpan timeout)
    {
        var buffer = new byte[4096];
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (await _tcp.GetStream().ReadAsync(buffer, deadline.Token) > 0)
            {
            }
        }
        catch (IOException)
        {
            // A reset is a close too.
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the node did not close the connection from {Address} within {timeout.TotalSeconds:0} s");
        }
    }

    public void Dispose() => _tcp.Dispose();
}
