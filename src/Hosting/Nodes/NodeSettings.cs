using System.Net;
using ActorMap.Compute;
using ActorMap.Hocon;
using ActorMap.Hosting.Api;
using ActorMap.Hosting.Dashboard;
using ActorMap.Hosting.Registration;
using ActorMap.Hosting.Security;
using Akka.Configuration;

namespace ActorMap.Hosting.Nodes;

/// <summary>
/// What a node runs with, read once from the effective configuration: ActorMap's settings, and
/// the resolved <c>akka</c> section Akka receives (as plain HOCON, no substitutions left).
/// </summary>
public sealed record NodeSettings(
    NodeRole Role,
    string ClusterName,
    int Workers,
    MapOptions Defaults,
    string ApiHostname,
    int ApiPort,
    bool Insecure,
    long MaximumFrameSize,
    string AkkaHocon,
    ClusterCertificates? Tls = null,
    string? TokenFile = null)
{
    /// <summary>What a downed WorkerNode does (the Seed never rejoins: it founds the cluster).</summary>
    public RejoinPolicy Rejoin { get; init; } = RejoinPolicy.Default;

    /// <summary>
    /// How long a node that left the cluster (downed, or stopping) waits for worker threads still
    /// in user code before it abandons them; Akka cannot interrupt a running function.
    /// </summary>
    public TimeSpan AbandonUserCodeAfter { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The loopback port `health` asks this node on (actormap.health.port); 0: none.</summary>
    internal int HealthPort { get; init; }

    /// <summary>What the Seed's client endpoint accepts (actormap.api.limits).</summary>
    internal ApiLimits Limits { get; init; } = ApiLimits.Default;

    /// <summary>The store of shipped assemblies, and the Seed's upload rules (actormap.shipping).</summary>
    public Shipping.ShippingSettings Shipping { get; init; } = null!;

    /// <summary>The Seed's live dashboard (actormap.dashboard).</summary>
    internal DashboardSettings Dashboard { get; init; } = DashboardSettings.Default;

    /// <exception cref="ArgumentException">A value is out of range or a required one is missing (the key is named).</exception>
    public static NodeSettings From(HoconConfig config, NodeRole role)
    {
        ArgumentNullException.ThrowIfNull(config);
        var name = config.GetString("actormap.cluster-name");
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"actormap.cluster-name must be letters, digits, '-' or '_', got '{name}'");
        }
        var defaults = MapOptions.FromConfig(config);
        var local = role == NodeRole.Worker || config.GetBoolean("actormap.seed.allow-local-routees", true);
        var workers = local ? defaults.Workers ?? Environment.ProcessorCount : 0;
        var seeds = config.GetStringList("akka.cluster.seed-nodes", []);
        if (role == NodeRole.Worker && seeds.Count == 0)
        {
            throw new ArgumentException("a worker needs a seed: pass --seed HOST[:PORT] or set akka.cluster.seed-nodes");
        }
        var apiPort = config.GetInt("actormap.api.port", 4080);
        if (apiPort is < 0 or > 65535)
        {
            throw new ArgumentException($"actormap.api.port must be a port (0-65535), got {apiPort}");
        }
        var tlsDirectory = config.GetString("actormap.tls.dir", "");
        var tls = tlsDirectory.Length == 0 ? null : ClusterCertificates.Load(Path.GetFullPath(tlsDirectory));
        var insecure = config.GetBoolean("actormap.insecure", false);
        var apiHostname = config.GetString("actormap.api.hostname", "127.0.0.1");
        if (tls is null && !insecure)
        {
            RequireLoopback("akka.remote.dot-netty.tcp.hostname", config.GetString("akka.remote.dot-netty.tcp.hostname"));
            if (role == NodeRole.Seed)
            {
                RequireLoopback("actormap.api.hostname", apiHostname);
            }
        }
        var akka = AkkaSection(config, role, seeds, tls is not null);
        var tokenFile = config.GetString("actormap.api.token-file", "");
        return new NodeSettings(role, name, workers, defaults, apiHostname, apiPort,
            insecure, config.GetByteSize("akka.remote.dot-netty.tcp.maximum-frame-size"), akka, tls,
            string.IsNullOrEmpty(tokenFile) ? null : tokenFile)
        {
            Rejoin = RejoinPolicy.From(config),
            AbandonUserCodeAfter = config.GetTimeSpan("actormap.shutdown.abandon-user-code-after", TimeSpan.FromSeconds(15)),
            Limits = ApiLimits.From(config),
            HealthPort = HealthPortOf(config),
            Dashboard = DashboardSettings.From(config),
            Shipping = Hosting.Shipping.ShippingSettings.From(config, role),
        };
    }

    private static int HealthPortOf(HoconConfig config)
    {
        var port = config.GetInt("actormap.health.port", 0);
        return port is >= 0 and <= 65535 ? port : throw new ArgumentException($"actormap.health.port must be a port (0-65535; 0 is off), got {port}");
    }

    // Nodes compile and run code that arrives over the network: no one may join or submit unproven.
    private static void RequireLoopback(string key, string hostname)
    {
        if (!IsLoopback(hostname))
        {
            throw new ArgumentException(
                $"{key} = {hostname} is not a loopback address, and TLS is off: set actormap.tls.dir (ACTORMAP_TLS_DIR, made by 'actormap certs create') " +
                "or, on an isolated test network only, actormap.insecure = on");
        }
    }

    /// <summary>The resolved configuration in Akka's form, with the worker dispatcher sized to this node.</summary>
    public Config AkkaConfig() =>
        ConfigurationFactory.ParseString(AkkaHocon).WithFallback(ComputeConfig.WorkerDispatcher(Math.Max(1, Workers)));

    /// <summary>True for a loopback name or address, where plain TCP is acceptable.</summary>
    public static bool IsLoopback(string hostname) =>
        hostname == "localhost" || (IPAddress.TryParse(hostname, out var address) && IPAddress.IsLoopback(address));

    // JSON is HOCON too, and the one form Akka's reader takes without surprises.
    private static string AkkaSection(HoconConfig config, NodeRole role, IReadOnlyList<string> seeds, bool tls)
    {
        // Over TLS, Akka's addresses are akka.ssl.tcp://; --seed and cluster.hocon may say akka.tcp://.
        seeds = tls ? [.. seeds.Select(s => s.StartsWith("akka.tcp://", StringComparison.Ordinal) ? "akka.ssl.tcp://" + s["akka.tcp://".Length..] : s)] : seeds;
        var roleName = role == NodeRole.Seed ? NodeRoles.Seed : NodeRoles.Worker;
        var roles = config.GetStringList("akka.cluster.roles", []).Where(r => r is not (NodeRoles.Seed or NodeRoles.Worker)).Prepend(roleName);
        // The Seed founds the cluster by joining itself; it contacts no other seed.
        // Never 0.0.0.0, which no peer can dial: see AdvertisedAddress.
        var seedHosts = role == NodeRole.Seed ? [] : seeds.Select(AdvertisedAddress.SeedHost).ToList();
        var publicHostname = AdvertisedAddress.Choose(config.GetString(AdvertisedAddress.BindKey),
            config.GetString(AdvertisedAddress.PublicKey, ""), seedHosts.FirstOrDefault(), config.GetBoolean(AdvertisedAddress.RequireLocalKey, true));
        var forced = HoconConfig.Parse($$"""
            akka.remote.dot-netty.tcp.public-hostname = {{System.Text.Json.JsonSerializer.Serialize(publicHostname)}}
            akka.cluster.roles = [{{string.Join(", ", roles.Select(r => System.Text.Json.JsonSerializer.Serialize(r)))}}]
            akka.cluster.seed-nodes = [{{(role == NodeRole.Seed ? "" : string.Join(", ", seeds.Select(s => System.Text.Json.JsonSerializer.Serialize(s))))}}]
            akka.remote.dot-netty.tcp.enable-ssl = {{(tls ? "on" : "off")}}
            """);
        return "akka : " + forced.WithFallback(config).GetConfig("akka").ToJson(indented: false);
    }
}
