using System.Net;
using System.Net.Sockets;

namespace ActorMap.MultiNode.Tests.Network;

/// <summary>The proxy itself, on loopback: whatever the shape, bytes arrive whole, in order, and ends of stream pass through.</summary>
public sealed class SlowLinkProxySpec
{
    private const int Payload = 3 * 1024 * 1024;

    [Fact]
    public async Task Proxy_must_carry_every_byte_in_order_both_ways_under_latency_and_a_rate_limit()
    {
        using var echo = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        echo.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        echo.Listen();
        var echoing = EchoOnceAsync(echo);
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await using var proxy = new SlowLinkProxy(listener, () => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp),
            echo.LocalEndPoint!, new LinkShape(TimeSpan.FromMilliseconds(5), BytesPerSecond: 50_000_000));
        var sent = new byte[Payload];
        new Random(10).NextBytes(sent);

        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(listener.LocalEndPoint!);
        var writing = Task.Run(async () =>
        {
            await client.SendAsync(sent, SocketFlags.None);
            client.Shutdown(SocketShutdown.Send);
        });
        var received = await ReadToEndAsync(client).WaitAsync(TimeSpan.FromSeconds(60));
        await writing;
        await echoing.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(sent.Length, received.Length);
        Assert.True(sent.AsSpan().SequenceEqual(received), "the bytes that came back differ from those sent");
        Assert.Equal(Payload, proxy.BytesToUpstream);
        Assert.Equal(Payload, proxy.BytesFromUpstream);
        Assert.Equal(1, proxy.ConnectionsAccepted);
    }

    private static async Task EchoOnceAsync(Socket listener)
    {
        using var peer = await listener.AcceptAsync();
        var buffer = new byte[32 * 1024];
        int read;
        while ((read = await peer.ReceiveAsync(buffer, SocketFlags.None)) > 0)
        {
            var offset = 0;
            while (offset < read)
            {
                offset += await peer.SendAsync(buffer.AsMemory(offset, read - offset), SocketFlags.None);
            }
        }
        peer.Shutdown(SocketShutdown.Send);
    }

    private static async Task<byte[]> ReadToEndAsync(Socket socket)
    {
        using var all = new MemoryStream();
        var buffer = new byte[32 * 1024];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0)
        {
            all.Write(buffer, 0, read);
        }
        return all.ToArray();
    }
}
