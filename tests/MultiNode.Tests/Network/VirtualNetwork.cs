using System.Globalization;

namespace ActorMap.MultiNode.Tests.Network;

//   <prefix>br (namespace) ── bridge <prefix>br
//        ├─ <prefix>b1  ══ veth ══  <prefix>v1   in namespace <prefix>seed   198.18.0.1
//        ├─ <prefix>b11 ══ veth ══  <prefix>v11  in namespace <prefix>w1     198.18.0.11
//        └─ ...
/// <summary>
/// One spec's network: a bridge in a namespace of its own, and one namespace per host, each with
/// a veth pair whose far end is a port of that bridge. Addresses come from 198.18.0.0/24 (the
/// benchmarking range, never routed) and exist only inside these namespaces: the machine's own
/// namespace gets no address, route or link. Disposing deletes every namespace, and with them the
/// links, then checks that nothing with the prefix is left.
/// </summary>
internal sealed class VirtualNetwork : IDisposable
{
    public const string Subnet = "198.18.0";

    private readonly List<NetnsHost> _hosts = [];
    private readonly string _bridgeNamespace;
    private bool _disposed;

    public VirtualNetwork()
    {
        Prefix = NamespaceRegistry.NewPrefix();
        _bridgeNamespace = Prefix + "br";
        NamespaceRegistry.Add(Prefix, _bridgeNamespace);
        InBridge("link", "set", "lo", "up");
        InBridge("link", "add", BridgeName, "type", "bridge");
        InBridge("link", "set", BridgeName, "up");
    }

    /// <summary>The per-network prefix of every namespace and link, e.g. <c>am-3fa9c1-</c>.</summary>
    public string Prefix { get; }

    private string BridgeName => Prefix + "br";

    /// <summary>A host namespace on the bridge at 198.18.0.<paramref name="octet"/>.</summary>
    public NetnsHost AddHost(string name, int octet)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(octet, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(octet, 254);
        var number = octet.ToString(CultureInfo.InvariantCulture);
        var host = new NetnsHost(Prefix + name, $"{Subnet}.{number}", Prefix + "v" + number);
        var bridgePort = Prefix + "b" + number;
        NamespaceRegistry.Add(Prefix, host.Namespace);
        _hosts.Add(host);
        // Both ends are created straight inside their namespaces: no link ever exists in the root one.
        Ip.Run("link", "add", host.Link, "netns", host.Namespace, "type", "veth", "peer", "name", bridgePort, "netns", _bridgeNamespace);
        InBridge("link", "set", bridgePort, "master", BridgeName);
        InBridge("link", "set", bridgePort, "up");
        host.Ip("link", "set", "lo", "up");
        host.Ip("addr", "add", host.Address + "/24", "dev", host.Link);
        host.Ip("link", "set", host.Link, "up");
        return host;
    }

    /// <summary>
    /// Deletes every namespace of this network. Processes still inside keep an unnamed namespace
    /// alive until they exit, so callers stop their processes first.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        var failures = new List<string>();
        foreach (var host in _hosts)
        {
            NamespaceRegistry.Delete(host.Namespace, failures);
        }
        NamespaceRegistry.Delete(_bridgeNamespace, failures);
        failures.AddRange(NamespaceRegistry.Remaining(Prefix).Select(r => r + " is left over"));
        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"network {Prefix} was not cleaned up:\n" + string.Join('\n', failures));
        }
        NamespaceRegistry.Release(Prefix);
    }

    private void InBridge(params string[] args) => Ip.Run(["-n", _bridgeNamespace, .. args]);
}
