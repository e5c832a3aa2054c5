using System.Net;
using System.Net.Sockets;

namespace ActorMap.MultiNode.Tests.Network;

/// <summary>
/// A user-space TCP proxy that shapes both directions of every connection it carries with a
/// <see cref="LinkShape"/> (latency, optionally a rate), and counts the bytes that crossed it:
/// what a slow link does to a cluster, without <c>tc netem</c>. It listens on a socket it is
/// given and dials each connection's far end with a socket from a factory, so either may live in
/// a network namespace of its own (see <see cref="NamespacedSocket"/>).
/// </summary>
internal sealed class SlowLinkProxy : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly Func<Socket> _newUpstream;
    private readonly EndPoint _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Lock _gate = new();
    private readonly Task _accepting;
    private long _bytesToUpstream;
    private long _bytesFromUpstream;
    private int _accepted;

    /// <param name="listener">A bound socket, not yet listening.</param>
    /// <param name="newUpstream">Makes the unconnected socket each connection dials <paramref name="upstream"/> with.</param>
    public SlowLinkProxy(Socket listener, Func<Socket> newUpstream, EndPoint upstream, LinkShape shape)
    {
        _listener = listener;
        _newUpstream = newUpstream;
        _upstream = upstream;
        Shape = shape;
        _listener.Listen();
        _accepting = AcceptAsync();
    }

    /// <summary>The shape of both directions; a change applies to every byte read from then on.</summary>
    public LinkShape Shape { get; set; }

    /// <summary>Bytes delivered from the proxy's clients to the upstream.</summary>
    public long BytesToUpstream => Interlocked.Read(ref _bytesToUpstream);

    /// <summary>Bytes delivered from the upstream back to the clients.</summary>
    public long BytesFromUpstream => Interlocked.Read(ref _bytesFromUpstream);

    public int ConnectionsAccepted => Volatile.Read(ref _accepted);

    public override string ToString() =>
        $"proxy {_listener.LocalEndPoint} -> {_upstream} ({Shape}): {ConnectionsAccepted} connections, {BytesToUpstream} bytes up, {BytesFromUpstream} bytes back";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        Task[] connections;
        lock (_gate)
        {
            connections = [.. _connections, _accepting];
        }
        try
        {
            await Task.WhenAll(connections);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping cuts every connection mid-stream: that is the point.
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref _accepted);
            lock (_gate)
            {
                _connections.Add(CarryAsync(client));
            }
        }
    }

    private async Task CarryAsync(Socket client)
    {
        using var upstream = _newUpstream();
        using (client)
        {
            // One direction failing (a reset, the proxy stopping) ends the other: both sockets close.
            using var connection = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            try
            {
                client.NoDelay = true;
                upstream.NoDelay = true;
                await upstream.ConnectAsync(_upstream, connection.Token);
                var up = DelayedPipe.RunAsync(client, upstream, () => Shape, n => Interlocked.Add(ref _bytesToUpstream, n), connection.Token);
                var back = DelayedPipe.RunAsync(upstream, client, () => Shape, n => Interlocked.Add(ref _bytesFromUpstream, n), connection.Token);
                var first = await Task.WhenAny(up, back);
                if (first.IsFaulted || first.IsCanceled)
                {
                    await connection.CancelAsync();
                }
                await Task.WhenAll(up, back);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException
                or System.Threading.Channels.ChannelClosedException or IOException)
            {
                // A connection that ends abruptly ends here; its peers see the close, as on a real link.
            }
        }
    }
}
