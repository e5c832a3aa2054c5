using System.Collections.Immutable;
using ActorMap.Cluster.FailureDetection;
using ActorMap.Hocon;
using ActorMap.Runtime.Actor;

namespace ActorMap.Cluster;

/// <summary>Read once from <c>actormap.cluster</c>; see the library's reference.conf for each key.</summary>
public sealed record ClusterSettings(
    string Name,
    ImmutableArray<Address> SeedNodes,
    ImmutableArray<string> Roles,
    int MinNrOfMembers,
    TimeSpan DownUnreachableAfter,
    TimeSpan JoinRetryMinBackoff,
    TimeSpan JoinRetryMaxBackoff,
    bool AllowLocalRoutees,
    FailureDetectorSettings FailureDetector)
{
    public const string Protocol = "actormap.tcp";

    public static ClusterSettings From(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.GetConfig("actormap.cluster");
        var name = c.GetString("name");
        var seeds = ListOrCommaSeparated(c, "seed-nodes").Select(s => ParseSeed(name, s)).ToImmutableArray();
        var settings = new ClusterSettings(
            name,
            seeds,
            [.. ListOrCommaSeparated(c, "roles")],
            c.GetInt("min-nr-of-members"),
            c.GetTimeSpan("down-unreachable-after"),
            c.GetTimeSpan("join-retry-min-backoff"),
            c.GetTimeSpan("join-retry-max-backoff"),
            c.GetBoolean("allow-local-routees"),
            FailureDetectorSettings.From(c.GetConfig("failure-detector")));
        FailureDetectorSettings.Require(settings.MinNrOfMembers >= 1, "actormap.cluster.min-nr-of-members", settings.MinNrOfMembers, "must be at least 1");
        FailureDetectorSettings.Require(settings.DownUnreachableAfter > TimeSpan.Zero, "actormap.cluster.down-unreachable-after", settings.DownUnreachableAfter, "must be positive");
        FailureDetectorSettings.Require(settings.JoinRetryMinBackoff > TimeSpan.Zero && settings.JoinRetryMaxBackoff >= settings.JoinRetryMinBackoff,
            "actormap.cluster.join-retry-min-backoff", settings.JoinRetryMinBackoff, "must be positive and at most join-retry-max-backoff");
        return settings;
    }

    // An environment override (${?ACTORMAP_SEED_NODES}) can only bring a string: "a:1,b:2".
    private static IEnumerable<string> ListOrCommaSeparated(HoconConfig c, string key)
    {
        try
        {
            return c.GetStringList(key);
        }
        catch (HoconException)
        {
            return c.GetString(key).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }

    /// <summary>Accepts <c>host:port</c> or a full <c>actormap.tcp://name@host:port</c> address.</summary>
    public static Address ParseSeed(string clusterName, string text)
    {
        // Whatever scheme was written, seeds are reached over the TCP transport.
        if (ActorPath.TryParse(text, out var path) && !path.Address.HasLocalScope)
        {
            return path.Address with { Protocol = Protocol };
        }
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"actormap.cluster.seed-nodes: '{text}' is not HOST:PORT");
        }
        return new Address(Protocol, clusterName, text[..colon], port);
    }
}
