using System.Globalization;

namespace ActorMap.MultiNode.Tests.Network;

/// <summary>
/// The node settings of a <see cref="NetnsCluster"/>, written to the --config file every node
/// reads. The failure detector is shorter than Akka's default (1 s heartbeat, 3 s pause) so a
/// cut is noticed in a second or two, yet long enough that a loaded 2-core machine does not
/// raise false alarms; a spec whose cut must heal before anyone is downed lengthens stable-after.
/// </summary>
internal sealed record NetnsClusterOptions
{
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan AcceptableHeartbeatPause { get; init; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>How long unreachability must hold before the split-brain resolver downs anyone.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Off makes every chunk cross the network to a WorkerNode.</summary>
    public bool SeedRunsWorkers { get; init; } = true;

    /// <summary>The HOCON file: only what differs from the libraries' reference.conf.</summary>
    public string ToHocon(string apiHostname) => string.Join('\n',
        $"akka.cluster.failure-detector.heartbeat-interval = {Milliseconds(HeartbeatInterval)}",
        $"akka.cluster.failure-detector.acceptable-heartbeat-pause = {Milliseconds(AcceptableHeartbeatPause)}",
        $"akka.cluster.split-brain-resolver.stable-after = {Milliseconds(StableAfter)}",
        $"actormap.api.hostname = \"{apiHostname}\"",
        $"actormap.seed.allow-local-routees = {(SeedRunsWorkers ? "on" : "off")}",
        "");

    private static string Milliseconds(TimeSpan span) => ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
}
