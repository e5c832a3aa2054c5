using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ActorMap.Compute.Telemetry;
using Akka.Actor;
using Akka.Cluster;

namespace ActorMap.Hosting.Telemetry;

/// <summary>
/// actormap.cluster.members: the cluster's members by status (up, joining, leaving, unreachable…)
/// as each Seed in this process sees them, read from Akka.Cluster's state when a listener collects.
/// One gauge for the process: the meter is static, and tests run several Seeds side by side, so
/// Seeds register here and leave when their actor system ends.
/// </summary>
internal static class MemberGauge
{
    private static readonly ConcurrentDictionary<ActorSystem, Cluster> s_seeds = new();

    private static readonly ObservableGauge<int> s_gauge = ActorMapTelemetry.Meter.CreateObservableGauge(
        "actormap.cluster.members", Observe, "{member}", "Members of the cluster by status, as the Seed sees them; status \"unreachable\" counts reachability apart");

    public static void Watch(ActorSystem system)
    {
        _ = s_gauge;
        s_seeds[system] = Cluster.Get(system);
        system.WhenTerminated.ContinueWith(_ => s_seeds.TryRemove(system, out Cluster? _), TaskScheduler.Default);
    }

    private static IEnumerable<Measurement<int>> Observe()
    {
        foreach (var cluster in s_seeds.Values)
        {
            var state = cluster.State;
            var node = new KeyValuePair<string, object?>(ActorMapTelemetry.NodeTag, ActorMapTelemetry.NodeName(cluster.SelfAddress));
            foreach (var status in state.Members.GroupBy(m => m.Status))
            {
                yield return new Measurement<int>(status.Count(), new KeyValuePair<string, object?>("status", Name(status.Key)), node);
            }
            yield return new Measurement<int>(state.Unreachable.Count, new KeyValuePair<string, object?>("status", "unreachable"), node);
        }
    }

    private static string Name(MemberStatus status) => status switch
    {
        MemberStatus.WeaklyUp => "weakly-up",
        _ => status.ToString().ToLowerInvariant(),
    };
}
