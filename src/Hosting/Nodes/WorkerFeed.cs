using ActorMap.Cluster.Membership;
using ActorMap.Compute.Workers;
using ActorMap.Runtime.Actor;

namespace ActorMap.Hosting.Nodes;

/// <summary>
/// On the Seed: turns member events into the worker directory's node events, so cluster jobs
/// route to the workers of Up, reachable members only.
/// </summary>
internal sealed class WorkerFeed : ReceiveActor
{
    public WorkerFeed(Cluster.Cluster cluster, IActorRef directory)
    {
        Receive<CurrentClusterState>(state =>
        {
            foreach (var member in state.Members.Where(m => m.Status == MemberStatus.Up && !state.Unreachable.Contains(m)))
            {
                Announce(directory, member);
            }
        });
        Receive<MemberUp>(up => Announce(directory, up.Member));
        Receive<ReachableMember>(reachable =>
        {
            if (reachable.Member.Status == MemberStatus.Up)
            {
                Announce(directory, reachable.Member);
            }
        });
        Receive<UnreachableMember>(e => directory.Tell(new WorkerNodeGone(e.Member.Address), Self));
        Receive<MemberLeft>(e => directory.Tell(new WorkerNodeGone(e.Member.Address), Self));
        Receive<MemberExited>(e => directory.Tell(new WorkerNodeGone(e.Member.Address), Self));
        Receive<MemberDowned>(e => directory.Tell(new WorkerNodeGone(e.Member.Address), Self));
        Receive<MemberRemoved>(e => directory.Tell(new WorkerNodeGone(e.Member.Address), Self));
        ReceiveAny(_ => { });
        cluster.Subscribe(Self);
    }

    private void Announce(IActorRef directory, Member member)
    {
        if (member.Workers > 0)
        {
            directory.Tell(new WorkerNodeUp(member.Address, member.Workers), Self);
        }
    }
}
