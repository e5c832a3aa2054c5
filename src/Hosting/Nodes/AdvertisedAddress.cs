using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace ActorMap.Hosting.Nodes;

/// <summary>
/// The host a node tells the others to dial, checked at start. The mistakes Akka.NET users
/// report most are all here: a 0.0.0.0 bind advertised as 0.0.0.0, a host name with an
/// underscore (a compose project's container names), a name that does not resolve, and a name
/// shared by scaled replicas, which sends the Seed to another machine. Each fails at start with
/// the setting's name, instead of as join retries that never end.
/// </summary>
internal static class AdvertisedAddress
{
    public const string BindKey = "akka.remote.dot-netty.tcp.hostname";
    public const string PublicKey = "akka.remote.dot-netty.tcp.public-hostname";
    public const string SeedNodesKey = "akka.cluster.seed-nodes";
    public const string RequireLocalKey = "actormap.advertise.require-local";

    private const string PublicVariable = "ACTORMAP_PUBLIC_HOSTNAME";

    /// <summary>
    /// What <paramref name="bind"/> and <paramref name="publicHostname"/> make this node advertise.
    /// Bound to every interface with no public name, a WorkerNode advertises its own address on
    /// the route to <paramref name="seedHost"/> (what the Seed can dial back), and a Seed its
    /// machine's name.
    /// </summary>
    /// <exception cref="ArgumentException">A name is malformed, does not resolve, or is not this machine's.</exception>
    public static string Choose(string bind, string publicHostname, string? seedHost, bool requireLocal)
    {
        RequireValid(BindKey, bind);
        var seed = seedHost is null ? null : Resolve(SeedNodesKey, seedHost, "the Seed's host (--seed)");
        if (publicHostname.Length > 0)
        {
            RequireValid(PublicKey, publicHostname);
            if (requireLocal)
            {
                RequireLocal(publicHostname);
            }
            return publicHostname;
        }
        if (!IsWildcard(bind))
        {
            Resolve(BindKey, bind, $"the address this node binds ({BindKey})");
            return bind;
        }
        return seed is null ? Dns.GetHostName() : RouteTo(seedHost!, seed).ToString();
    }

    /// <summary>The host of an Akka address such as akka.tcp://actormap@seed:4053, checked as a host name.</summary>
    public static string SeedHost(string seedNode)
    {
        var at = seedNode.LastIndexOf('@');
        var colon = seedNode.LastIndexOf(':');
        var host = at < 0 || colon < at ? "" : seedNode[(at + 1)..colon].Trim('[', ']');
        if (host.Length == 0)
        {
            throw new ArgumentException($"{SeedNodesKey}: '{seedNode}' is not an Akka address (akka.tcp://CLUSTER@HOST:PORT)");
        }
        RequireValid(SeedNodesKey, host);
        return host;
    }

    public static bool IsWildcard(string host) => host is "0.0.0.0" or "::" or "*";

    /// <summary>An IP address, or a DNS name of letters, digits and inner hyphens (RFC 1123), which is all Akka's address parser takes.</summary>
    private static void RequireValid(string key, string host)
    {
        if (IPAddress.TryParse(host, out _))
        {
            return;
        }
        if (host.Contains('_', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"{key} = '{host}' is not a valid host name: '_' is not allowed in host names (RFC 1123), and Akka cannot address it; " +
                "name the host or service with '-' instead");
        }
        var labels = host.TrimEnd('.').Split('.');
        var valid = host.Length <= 253 && labels.All(label => label.Length is > 0 and <= 63
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && label[0] != '-' && label[^1] != '-');
        if (!valid)
        {
            throw new ArgumentException($"{key} = '{host}' is not a valid host name (letters, digits and '-', in dot-separated labels)");
        }
    }

    private static IPAddress[] Resolve(string key, string host, string what)
    {
        try
        {
            var addresses = Dns.GetHostAddresses(host);
            return addresses.Length > 0 ? addresses : throw new SocketException((int)SocketError.HostNotFound);
        }
        catch (SocketException e)
        {
            throw new ArgumentException($"{key} = '{host}' does not resolve ({e.SocketErrorCode}): {what} must be a name this machine's DNS knows, or an IP address", e);
        }
    }

    // A name other nodes dial must lead back here: a replicas' shared service name, or the Seed's, does not.
    private static void RequireLocal(string host)
    {
        var addresses = Resolve(PublicKey, host, "the name the other nodes dial");
        var local = NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .ToHashSet();
        if (!addresses.Any(a => IPAddress.IsLoopback(a) || local.Contains(a) || (a.IsIPv4MappedToIPv6 && local.Contains(a.MapToIPv4()))))
        {
            throw new ArgumentException(
                $"{PublicKey} = '{host}' ({PublicVariable}) resolves to {string.Join(", ", addresses.Select(a => a.ToString()))}, " +
                "no address of this machine, so the Seed could not connect back to this node (replicas of a scaled service share its name); " +
                $"leave it empty to advertise this node's address on the route to the Seed, or set {RequireLocalKey} = off behind NAT");
        }
    }

    // Connecting a UDP socket sends nothing: it only asks the kernel which local address routes there.
    private static IPAddress RouteTo(string seedHost, IPAddress[] addresses)
    {
        var seed = addresses.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).First();
        using var probe = new Socket(seed.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            probe.Connect(seed, 9);
        }
        catch (SocketException e)
        {
            throw new ArgumentException($"{SeedNodesKey}: no route from this machine to the Seed at {seedHost} ({seed}): {e.SocketErrorCode}", e);
        }
        var local = ((IPEndPoint)probe.LocalEndPoint!).Address;
        return local.IsIPv4MappedToIPv6 ? local.MapToIPv4() : local;
    }
}
