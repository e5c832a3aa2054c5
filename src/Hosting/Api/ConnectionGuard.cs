using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace ActorMap.Hosting.Api;

/// <summary>
/// Kestrel connection middleware in front of the client endpoint. It caps the open connections,
/// drops a connection that has not finished its handshake in time, and drops one that does not
/// speak TLS (when on) or HTTP/2, each with one log line naming the peer. Kestrel alone would
/// close most of these too, but at Debug and without the peer's address, which is what an
/// operator looking at a refused client needs.
/// </summary>
internal sealed class ConnectionGuard(ApiLimits limits, bool tls, ILogger logger)
{
    // What every HTTP/2 client sends first (RFC 9113, section 3.4); gRPC has no other opening.
    private static ReadOnlySpan<byte> Preface => "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8;

    // A TLS connection opens with a handshake record (RFC 8446, section 5.1).
    private const byte TlsHandshakeRecord = 0x16;

    private const string StateKey = "actormap.connection-guard";

    private int _open;

    /// <summary>Client connections open now, refused ones not counted.</summary>
    public int OpenConnections => Volatile.Read(ref _open);

    /// <summary>First on the listener, before TLS: the connection cap, the deadline, and the TLS check.</summary>
    public ConnectionDelegate Outer(ConnectionDelegate next) => context => AcceptAsync(context, next);

    /// <summary>After TLS (or first without it): the HTTP/2 preface.</summary>
    public ConnectionDelegate Inner(ConnectionDelegate next) => context => CheckPrefaceAsync(context, next);

    private async Task AcceptAsync(ConnectionContext context, ConnectionDelegate next)
    {
        var peer = PeerAddress.Of(context.RemoteEndPoint);
        var open = Interlocked.Increment(ref _open);
        try
        {
            if (open > limits.MaxConnections)
            {
                ApiLog.TooManyConnections(logger, peer, open - 1, ApiLimits.Describe(ApiLimits.MaxConnectionsKey, limits.MaxConnections));
                return;
            }
            using var state = new GuardState(peer, limits.HandshakeTimeout);
            context.Items[StateKey] = state;
            if (tls && !await StartsWithAsync(context, state, [TlsHandshakeRecord], "a TLS handshake").ConfigureAwait(false))
            {
                return;
            }
            using var stalled = tls ? state.Deadline.Register(() => AbortStalledTls(context, state)) : default;
            await next(context).ConfigureAwait(false);
            if (tls && !state.Established && !state.Logged)
            {
                // The TLS handshake ended without us: a refused certificate, or our deadline aborted it.
                if (state.TlsTimedOut || state.Elapsed >= limits.HandshakeTimeout)
                {
                    ApiLog.HandshakeTimedOut(logger, peer, "TLS handshake", Seconds(limits.HandshakeTimeout), HandshakeLimit());
                }
                else
                {
                    ApiLog.TlsFailed(logger, peer);
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    private static void AbortStalledTls(ConnectionContext context, GuardState state)
    {
        if (state.PastTls)
        {
            // The preface check has the deadline now, and logs it itself.
            return;
        }
        state.TlsTimedOut = true;
        context.Abort(new ConnectionAbortedException("no TLS handshake within the handshake timeout"));
    }

    private async Task CheckPrefaceAsync(ConnectionContext context, ConnectionDelegate next)
    {
        var state = context.Items.TryGetValue(StateKey, out var value) ? (GuardState)value! : null;
        if (state is null)
        {
            // Not behind Outer (a listener wired differently): nothing to check against.
            await next(context).ConfigureAwait(false);
            return;
        }
        state.PastTls = true;
        if (!await StartsWithAsync(context, state, Preface.ToArray(), "HTTP/2 (gRPC)").ConfigureAwait(false))
        {
            return;
        }
        state.Establish();
        await next(context).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads until the connection has sent <paramref name="expected"/> or something else, without
    /// consuming anything, so the next stage reads the same bytes. Logs and returns false otherwise.
    /// </summary>
    private async Task<bool> StartsWithAsync(ConnectionContext context, GuardState state, byte[] expected, string what)
    {
        var input = context.Transport.Input;
        var wanted = 1;
        try
        {
            while (true)
            {
                // ReadAtLeastAsync waits for more than the last look, so examined stays at the start:
                // nothing is consumed or marked seen, and Kestrel's next read gets every byte again.
                var result = await input.ReadAtLeastAsync(wanted, state.Deadline).ConfigureAwait(false);
                var buffer = result.Buffer;
                var length = (int)Math.Min(buffer.Length, expected.Length);
                var head = buffer.Slice(0, length).ToArray();
                input.AdvanceTo(buffer.Start);
                if (!head.AsSpan().SequenceEqual(expected.AsSpan(0, length)))
                {
                    state.Logged = true;
                    ApiLog.NotTheProtocol(logger, state.Peer, Preview(buffer), what);
                    return false;
                }
                if (length == expected.Length)
                {
                    return true;
                }
                if (result.IsCompleted || result.IsCanceled)
                {
                    state.Logged = true;
                    if (buffer.IsEmpty)
                    {
                        ApiLog.ClosedSilently(logger, state.Peer);
                    }
                    else
                    {
                        ApiLog.ClosedEarly(logger, state.Peer, buffer.Length);
                    }
                    return false;
                }
                wanted = length + 1;
            }
        }
        catch (OperationCanceledException) when (state.Deadline.IsCancellationRequested)
        {
            state.Logged = true;
            ApiLog.HandshakeTimedOut(logger, state.Peer, what, Seconds(limits.HandshakeTimeout), HandshakeLimit());
            return false;
        }
        catch (Exception e) when (e is IOException or ConnectionResetException or ConnectionAbortedException)
        {
            state.Logged = true;
            ApiLog.ClosedSilently(logger, state.Peer);
            return false;
        }
    }

    private static string HandshakeLimit(TimeSpan timeout) => ApiLimits.Describe(ApiLimits.HandshakeTimeoutKey, Seconds(timeout));

    private string HandshakeLimit() => HandshakeLimit(limits.HandshakeTimeout);

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###}s");

    // What the peer sent, printable and short: a log line must not carry control characters.
    private static string Preview(ReadOnlySequence<byte> buffer)
    {
        var head = buffer.Slice(0, Math.Min(buffer.Length, 24)).ToArray();
        var text = new string([.. head.Select(b => b is >= 0x20 and < 0x7f && b != '\'' ? (char)b : '.')]);
        return buffer.Length > head.Length ? text + "..." : text;
    }

    /// <summary>One connection's progress through the guard.</summary>
    private sealed class GuardState(string peer, TimeSpan timeout) : IDisposable
    {
        private readonly CancellationTokenSource _deadline = new(timeout);
        private readonly long _started = Stopwatch.GetTimestamp();

        // Read by the deadline's callback on a timer thread, written on the connection's: volatile.
        private volatile bool _pastTls;
        private volatile bool _tlsTimedOut;

        public string Peer { get; } = peer;

        public CancellationToken Deadline => _deadline.Token;

        public bool Established { get; private set; }

        /// <summary>A line was logged for this connection: one per connection, never two.</summary>
        public bool Logged { get; set; }

        /// <summary>The TLS handshake (if any) is done and the HTTP/2 preface is being read.</summary>
        public bool PastTls { get => _pastTls; set => _pastTls = value; }

        /// <summary>The deadline aborted the connection while its TLS handshake was still running.</summary>
        public bool TlsTimedOut { get => _tlsTimedOut; set => _tlsTimedOut = value; }

        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

        public void Establish()
        {
            Established = true;
            // The handshake is done: from here on the connection is Kestrel's and HTTP/2's business.
            _deadline.Dispose();
        }

        public void Dispose() => _deadline.Dispose();
    }
}
