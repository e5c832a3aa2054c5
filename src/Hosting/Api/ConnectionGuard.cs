using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.Security;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;

namespace ActorMap.Hosting.Api;

/// <summary>
/// Kestrel connection middleware in front of the client endpoint and the dashboard. It caps the
/// open connections, drops a connection that has not finished its handshake in time, and drops
/// one that does not speak TLS (when on) or the listener's HTTP, each with one log line naming
/// the peer. Kestrel alone would close most of these too, but at Debug and without the peer's
/// address, which is what an operator looking at a refused client needs.
/// </summary>
/// <param name="http">
/// What the listener speaks after TLS: HTTP/2 only (the plaintext client endpoint), HTTP/1.1 only
/// (the plaintext dashboard port), or what ALPN chose (the TLS port, which serves both).
/// </param>
internal sealed class ConnectionGuard(ApiLimits limits, bool tls, ILogger logger, GuardedHttp http = GuardedHttp.Http2)
{
    // What every HTTP/2 client sends first (RFC 9113, section 3.4); gRPC has no other opening.
    private static readonly byte[] s_preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();

    // The dashboard is read-only: a browser, a script or a Prometheus scrape opens with one of these.
    private static readonly byte[][] s_http1Requests = ["GET "u8.ToArray(), "HEAD "u8.ToArray()];

    private const string Http2Name = "HTTP/2 (gRPC)";
    private const string Http1Name = "an HTTP/1.1 GET (the dashboard)";

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
            if (tls && !await StartsWithAsync(context, state, [[TlsHandshakeRecord]], "a TLS handshake").ConfigureAwait(false))
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
        var http1 = http == GuardedHttp.Http1 || (http == GuardedHttp.Negotiated && !NegotiatedHttp2(context));
        var opened = http1
            ? await StartsWithAsync(context, state, s_http1Requests, Http1Name).ConfigureAwait(false)
            : await StartsWithAsync(context, state, [s_preface], Http2Name).ConfigureAwait(false);
        if (!opened)
        {
            return;
        }
        state.Establish();
        await next(context).ConfigureAwait(false);
    }

    // Kestrel runs HTTP/1.1 on a TLS connection unless ALPN chose h2 (a client without ALPN gets
    // HTTP/1.1 too), so that is what the connection must then open with.
    private static bool NegotiatedHttp2(ConnectionContext context) =>
        context.Features.Get<ITlsApplicationProtocolFeature>()?.ApplicationProtocol.Span.SequenceEqual(SslApplicationProtocol.Http2.Protocol.Span) == true;

    /// <summary>
    /// Reads until the connection has sent one of <paramref name="expected"/> or something else,
    /// without consuming anything, so the next stage reads the same bytes. Logs and returns false otherwise.
    /// </summary>
    private async Task<bool> StartsWithAsync(ConnectionContext context, GuardState state, byte[][] expected, string what)
    {
        var input = context.Transport.Input;
        var longest = expected.Max(e => e.Length);
        var wanted = 1;
        try
        {
            while (true)
            {
                // ReadAtLeastAsync waits for more than the last look, so examined stays at the start:
                // nothing is consumed or marked seen, and Kestrel's next read gets every byte again.
                var result = await input.ReadAtLeastAsync(wanted, state.Deadline).ConfigureAwait(false);
                var buffer = result.Buffer;
                var length = (int)Math.Min(buffer.Length, longest);
                var head = buffer.Slice(0, length).ToArray();
                input.AdvanceTo(buffer.Start);
                var complete = false;
                var possible = false;
                foreach (var opening in expected)
                {
                    var compared = Math.Min(length, opening.Length);
                    if (head.AsSpan(0, compared).SequenceEqual(opening.AsSpan(0, compared)))
                    {
                        possible = true;
                        complete |= compared == opening.Length;
                    }
                }
                if (!possible)
                {
                    state.Logged = true;
                    ApiLog.NotTheProtocol(logger, state.Peer, Preview(buffer), what);
                    return false;
                }
                if (complete)
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

        /// <summary>The TLS handshake (if any) is done and the HTTP opening is being read.</summary>
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

/// <summary>What a guarded listener speaks once TLS (if any) is done.</summary>
internal enum GuardedHttp
{
    /// <summary>HTTP/2 only: the client endpoint without TLS.</summary>
    Http2,

    /// <summary>HTTP/1.1 only: the dashboard's own port without TLS.</summary>
    Http1,

    /// <summary>What ALPN chose: the TLS port, h2 for gRPC and HTTP/1.1 for a browser.</summary>
    Negotiated,
}
