using ActorMap.Compute.Workers;
using ActorMap.Hosting.Registration;
using ActorMap.Messages.Compute;
using Akka.Actor;
using Akka.Cluster;

namespace ActorMap.Hosting.Jobs;

/// <summary>
/// On the Seed: the members part of <c>status</c> and of the dashboard: Akka's view of each member,
/// with the workers it registered, the chunks it finished, how long it has been Up, its last load
/// report, and the recent membership events.
/// </summary>
internal sealed partial class StatusView : ReceiveActor
{
    private readonly Dictionary<Address, long> _chunks = [];
    private readonly Dictionary<Address, int> _workers = [];
    private readonly Dictionary<Address, DateTimeOffset> _upSince = [];
    private readonly Dictionary<Address, long> _late = [];
    private readonly Dictionary<Address, long> _redispatched = [];
    private long _lateTotal;
    private long _redispatchedTotal;

    public StatusView()
    {
        Receive<ChunkDoneBy>(done => _chunks[done.Node] = _chunks.GetValueOrDefault(done.Node) + 1);
        Receive<LateResultDropped>(late =>
        {
            _late[late.Node] = _late.GetValueOrDefault(late.Node) + 1;
            _lateTotal++;
        });
        Receive<ChunksRedispatched>(taken =>
        {
            _redispatched[taken.Node] = _redispatched.GetValueOrDefault(taken.Node) + taken.Chunks;
            _redispatchedTotal += taken.Chunks;
        });
        Receive<NodeWorkersChanged>(changed => _workers[changed.Node] = changed.Workers);
        Receive<ClusterEvent.MemberUp>(up =>
        {
            _upSince[up.Member.Address] = DateTimeOffset.UtcNow;
            Remember(up.Member, "up");
        });
        Receive<ClusterEvent.MemberRemoved>(removed =>
        {
            _upSince.Remove(removed.Member.Address);
            _workers.Remove(removed.Member.Address);
            _loads.Remove(removed.Member.Address);
            Remember(removed.Member, "removed");
        });
        Receive<StatusRequest>(_ => Sender.Tell(Members(), Self));
        ReceiveDashboard();
        ReceiveAny(_ => { });
    }

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(ChunkDoneBy));
        Context.System.EventStream.Subscribe(Self, typeof(NodeWorkersChanged));
        Context.System.EventStream.Subscribe(Self, typeof(LateResultDropped));
        Context.System.EventStream.Subscribe(Self, typeof(ChunksRedispatched));
        Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        Cluster.Get(Context.System).Unsubscribe(Self);
    }

    private StatusReply Members()
    {
        var state = Cluster.Get(Context.System).State;
        var now = DateTimeOffset.UtcNow;
        var reply = new StatusReply
        {
            Leader = state.Leader?.ToString() ?? "", LateResultsDropped = _lateTotal, ChunksRedispatched = _redispatchedTotal,
        };
        foreach (var member in state.Members)
        {
            reply.Members.Add(new MemberRow
            {
                Address = member.Address.ToString(),
                Roles = { member.Roles },
                Status = member.Status.ToString(),
                Reachable = !state.Unreachable.Contains(member),
                Workers = _workers.GetValueOrDefault(member.Address),
                ChunksDone = _chunks.GetValueOrDefault(member.Address),
                UptimeSeconds = _upSince.TryGetValue(member.Address, out var since) ? (now - since).TotalSeconds : 0,
                LateResultsDropped = _late.GetValueOrDefault(member.Address),
                ChunksRedispatched = _redispatched.GetValueOrDefault(member.Address),
            });
        }
        return reply;
    }
}
