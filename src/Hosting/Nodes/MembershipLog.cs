using Akka.Actor;
using Akka.Cluster;
using Microsoft.Extensions.Logging;

namespace ActorMap.Hosting.Nodes;

/// <summary>Logs every membership change of this node's view, one line each.</summary>
internal sealed class MembershipLog : ReceiveActor
{
    public MembershipLog(ILogger logger)
    {
        Receive<ClusterEvent.IMemberEvent>(e => logger.LogInformation("{Event}: {Address} is {Status}", e.GetType().Name, e.Member.Address, e.Member.Status));
        Receive<ClusterEvent.UnreachableMember>(e => logger.LogWarning("UnreachableMember: {Address}", e.Member.Address));
        Receive<ClusterEvent.ReachableMember>(e => logger.LogInformation("ReachableMember: {Address}", e.Member.Address));
        Receive<ClusterEvent.LeaderChanged>(e => logger.LogInformation("LeaderChanged: {Leader}", e.Leader?.ToString() ?? "none"));
        ReceiveAny(_ => { });
    }

    protected override void PreStart() =>
        Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent), typeof(ClusterEvent.LeaderChanged));

    protected override void PostStop() => Cluster.Get(Context.System).Unsubscribe(Self);
}
