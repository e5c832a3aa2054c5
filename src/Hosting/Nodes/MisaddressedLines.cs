using System.Text.RegularExpressions;

namespace ActorMap.Hosting.Nodes;

/// <summary>
/// Akka's lines about a node that is addressed by a name it does not advertise: the most common
/// reason a WorkerNode never joins (its --seed says seed:4053, the Seed advertises an IP, or the
/// other way round). Akka drops every such message with a line naming both addresses, at every
/// join retry, and the joining node only says it could not join. This says what to set, once
/// per peer and address; the joining node's retry line gets the hint where to look.
/// </summary>
internal sealed partial class MisaddressedLines
{
    private const int Remembered = 64;

    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _seen = [];

    /// <summary>
    /// The line to write instead of <paramref name="message"/>: the same one when it is not about
    /// misaddressing, a rewritten one the first time, null (write nothing) for a repeat.
    /// </summary>
    public string? Rewrite(string message)
    {
        if (message.Contains("Couldn't join seed nodes after", StringComparison.Ordinal))
        {
            return message + " (is the Seed running there? If it is, its log names the address it advertises, which seed-nodes (--seed) must match exactly)";
        }
        var match = Dropped().Match(message);
        if (!match.Success)
        {
            return message;
        }
        var (sender, addressedAs, self) = (match.Groups["sender"].Value, match.Groups["arriving"].Value, match.Groups["inbound"].Value);
        if (!FirstTime(sender + " " + addressedAs))
        {
            return null;
        }
        var from = sender.Length > 0 ? $"the node {sender}" : "a node";
        return $"{from} addresses this node as {addressedAs}, but this node advertises {self}, so Akka drops what it sends (a WorkerNode never joins): " +
            $"its seed-nodes (--seed) must name this node's advertised address exactly; set {AdvertisedAddress.PublicKey} (ACTORMAP_PUBLIC_HOSTNAME) here " +
            $"to the host it dials, or point its --seed at {HostAndPort(self)}";
    }

    private bool FirstTime(string key)
    {
        lock (_seen)
        {
            if (!_seen.Add(key))
            {
                return false;
            }
            _order.Enqueue(key);
            if (_order.Count > Remembered)
            {
                _seen.Remove(_order.Dequeue());
            }
            return true;
        }
    }

    private static string HostAndPort(string address) => address[(address.LastIndexOf('@') + 1)..];

    // [.../reliableEndpointWriter-akka.tcp://actormap@127.0.0.1:4299-1/endpointWriter] Dropping message [X] for non-local
    // recipient [[...]] arriving at [akka.tcp://actormap@127.0.0.1:4253] inbound addresses [akka.tcp://actormap@localhost:4253]
    [GeneratedRegex(@"(?:reliableEndpointWriter-(?<sender>akka[.a-z]*://[^\s/\]]+)-\d+.*)?Dropping message \[[^\]]*\] for non-local recipient .* arriving at \[(?<arriving>[^\]]+)\] inbound addresses \[(?<inbound>[^\]]+)\]")]
    private static partial Regex Dropped();
}
