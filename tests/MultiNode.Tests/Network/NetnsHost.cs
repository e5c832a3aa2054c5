namespace ActorMap.MultiNode.Tests.Network;

/// <summary>
/// One host of a <see cref="VirtualNetwork"/>: a namespace with a veth link on the bridge. The
/// faults are the network's own: the link down (nothing in or out), or a blackhole route to one
/// address (this host's packets to it vanish, while its packets still arrive here: a one-way cut).
/// </summary>
internal sealed class NetnsHost(string @namespace, string address, string link)
{
    public string Namespace { get; } = @namespace;

    /// <summary>This host's address on the bridge, e.g. 198.18.0.11.</summary>
    public string Address { get; } = address;

    /// <summary>The veth end inside this namespace.</summary>
    public string Link { get; } = link;

    /// <summary>What runs a program inside this namespace; <c>ip netns exec</c> execs it, so its pid is the program's.</summary>
    public IReadOnlyList<string> Launcher => ["ip", "netns", "exec", Namespace];

    /// <summary>The link goes down: the host is cut off from every other; its sockets stay open.</summary>
    public void CutLink() => Ip("link", "set", Link, "down");

    public void RestoreLink() => Ip("link", "set", Link, "up");

    /// <summary>Packets from this host to <paramref name="peer"/> are dropped; nothing else changes.</summary>
    public void Blackhole(string peer) => Ip("route", "add", "blackhole", peer + "/32");

    public void RemoveBlackhole(string peer) => Ip("route", "del", "blackhole", peer + "/32");

    /// <summary>
    /// Makes <paramref name="peer"/>'s address local to this host (on its loopback), so that
    /// connections from here to it reach a listener in this namespace, such as a proxy, instead.
    /// </summary>
    public void ClaimAddress(string peer) => Ip("addr", "add", peer + "/32", "dev", "lo");

    /// <summary>
    /// The established TCP connections of this namespace with <paramref name="peer"/> on either
    /// end, as "local -> remote" (from <c>ss</c>): how a spec tells that a connection survived a cut.
    /// </summary>
    public IReadOnlyList<string> ConnectionsWith(string peer) =>
        [.. Network.Ip.Tool("ip", "netns", "exec", Namespace, "ss", "-Htn", "state", "established")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 4)
            // Dual-mode sockets show IPv4 peers as [::ffff:198.18.0.1]:4053.
            .Select(fields => $"{Unmapped(fields[2])} -> {Unmapped(fields[3])}")
            .Where(connection => connection.Contains(peer + ":", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    private static string Unmapped(string endpoint) => endpoint.Replace("[::ffff:", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);

    public void Ip(params string[] args) => Network.Ip.Run(["-n", Namespace, .. args]);

    public override string ToString() => $"{Namespace} ({Address})";
}
