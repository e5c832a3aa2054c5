using Microsoft.Extensions.Logging;

namespace ActorMap.Hosting.Api;

/// <summary>
/// The client endpoint's refusals: one Warning line each, naming the peer and what it did, no
/// exception (these are expected on any reachable port, not bugs of ours).
/// </summary>
internal static partial class ApiLog
{
    public const string Category = "ActorMap.Api";

    [LoggerMessage(Level = LogLevel.Warning, Message = "refused a client connection from {Peer}: {Open} are open already {Limit}")]
    public static partial void TooManyConnections(ILogger logger, string peer, int open, string limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "dropped a client connection from {Peer}: no {What} within {Timeout} {Limit}")]
    public static partial void HandshakeTimedOut(ILogger logger, string peer, string what, string timeout, string limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "dropped a client connection from {Peer}: it sent '{Preview}', not {Expected}")]
    public static partial void NotTheProtocol(ILogger logger, string peer, string preview, string expected);

    [LoggerMessage(Level = LogLevel.Information, Message = "a client connection from {Peer} closed before its handshake ended ({Bytes} bytes sent)")]
    public static partial void ClosedEarly(ILogger logger, string peer, long bytes);

    // Debug: a TCP probe (a health check, a port scan) connects and closes, and that is all.
    [LoggerMessage(Level = LogLevel.Debug, Message = "a client connection from {Peer} closed without sending anything")]
    public static partial void ClosedSilently(ILogger logger, string peer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "dropped a client connection from {Peer}: its TLS handshake failed (a client certificate not issued by this cluster's CA, or a client that does not trust this Seed's)")]
    public static partial void TlsFailed(ILogger logger, string peer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "refused a call from {Peer}: {Reason} (the Seed takes a client certificate of its cluster, or the token in actormap.api.token-file)")]
    public static partial void Unauthenticated(ILogger logger, string peer, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "refused a job from {Peer}: {Reason}")]
    public static partial void JobRefused(ILogger logger, string peer, string reason);
}
