using System.Text.RegularExpressions;

namespace ActorMap.Hosting.Nodes;

/// <summary>
/// Akka's lines about a refused inbound connection (garbage, a stalled or failed handshake), cut
/// to one per peer. Akka and DotNetty say it up to three times: the first reason (our certificate
/// check, Akka's handshake timeout, a decoding error), then DotNetty's server handler once or
/// twice more ("TLS handshake failed on channel", "Rejected incoming connection", a further
/// "Error caught channel" for bytes still buffered). The first line is kept; the server handler's
/// later lines about the same peer are dropped.
/// </summary>
internal sealed partial class RefusedPeerLines
{
    // Inbound peers are ephemeral ports: the last few dozen are all a burst of lines can be about.
    private const int Remembered = 64;

    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _peers = [];

    /// <summary>True for an Akka or DotNetty line about a refused or failed connection.</summary>
    public static bool IsAbout(string message) =>
        message.Contains("Error caught channel", StringComparison.Ordinal)
        || message.Contains("Error while decoding incoming Akka PDU", StringComparison.Ordinal)
        || message.Contains("Handshake timed out", StringComparison.Ordinal)
        || message.Contains("TLS handshake failed", StringComparison.Ordinal)
        || message.Contains("Rejected incoming connection", StringComparison.Ordinal)
        || message.Contains("refused a TLS peer", StringComparison.Ordinal);

    /// <summary>False when <paramref name="message"/> repeats what an earlier line said about its peer.</summary>
    public bool IsFirst(string message)
    {
        if (!IsAbout(message) || LastAddress(message) is not { } peer)
        {
            return true;
        }
        // Only the server handler's lines are repeats: they name a client's ephemeral port, never a
        // node's listening one, so an outbound failure that recurs is never hidden.
        var repeatable = message.Contains("TcpServerHandler", StringComparison.Ordinal);
        lock (_peers)
        {
            if (_peers.Contains(peer))
            {
                return !repeatable;
            }
            if (_order.Count == Remembered)
            {
                _peers.Remove(_order.Dequeue());
            }
            _order.Enqueue(peer);
            _peers.Add(peer);
            return true;
        }
    }

    /// <summary>DotNetty's TLS advice to developers is no news to an operator: the reason stays, the advice goes.</summary>
    public static string Trimmed(string message)
    {
        var advice = message.IndexOf("Server-side TLS troubleshooting:", StringComparison.Ordinal);
        if (advice < 0)
        {
            return message;
        }
        var cause = message.IndexOf(" Cause:", advice, StringComparison.Ordinal);
        return cause < 0 ? message[..advice].TrimEnd() : message[..advice].TrimEnd() + message[cause..];
    }

    // The peer is the last address a line names: "[local->peer]", "from [peer]", "...@local/...@peer-2]".
    private static string? LastAddress(string message)
    {
        var matches = Address().Matches(message);
        return matches.Count == 0 ? null : matches[^1].Value;
    }

    [GeneratedRegex(@"\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}")]
    private static partial Regex Address();
}
