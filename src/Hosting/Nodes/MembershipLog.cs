using ActorMap.Cluster.Membership;
using ActorMap.Runtime.Actor;
using Microsoft.Extensions.Logging;

namespace ActorMap.Hosting.Nodes;

/// <summary>Logs every membership change of this node's view, one line each.</summary>
internal sealed class MembershipLog : ReceiveActor
{
    public MembershipLog(Cluster.Cluster cluster, ILogger logger)
    {
        Receive<CurrentClusterState>(_ => { });
        Receive<MemberEvent>(e => logger.LogInformation("{Event}: {Address} is {Status}", e.GetType().Name, e.Member.Address, e.Member.Status));
        Receive<ReachabilityEvent>(e => logger.LogWarning("{Event}: {Address}", e.GetType().Name, e.Member.Address));
        Receive<LeaderChanged>(e => logger.LogInformation("LeaderChanged: {Leader}", e.Leader?.ToString() ?? "none"));
        cluster.Subscribe(Self);
    }
}
