using ActorMap.Compute.Workers;
using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Akka.Remote;

namespace ActorMap.Hosting.Registration;

/// <summary>
/// On the Seed (/user/registry): which registered workers may get chunks. A node's workers are
/// announced to the worker directory while it is Up and reachable, and withdrawn on the first
/// sign of loss: its connection dropped (<see cref="DisassociatedEvent"/>, milliseconds after a
/// crash), unreachable, leaving, downed or removed. Withdrawing sends its outstanding chunks to
/// the other workers at once; a node that comes back is announced again.
/// </summary>
internal sealed class WorkerRegistry : ReceiveActor
{
    public const string Name = "registry";

    private readonly IActorRef _directory;
    private readonly Dictionary<Address, IActorRef[]> _registered = [];
    private readonly HashSet<Address> _announced = [];
    private readonly HashSet<Address> _up = [];
    private readonly HashSet<Address> _unreachable = [];
    private readonly HashSet<Address> _disconnected = [];
    private readonly Address _self;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public WorkerRegistry(IActorRef directory)
    {
        _directory = directory;
        _self = Cluster.Get(Context.System).SelfAddress;
        Receive<RegisterWorkers>(OnRegister);
        Receive<ClusterEvent.MemberUp>(e => Change(e.Member.Address, "up", () => _up.Add(e.Member.Address)));
        Receive<ClusterEvent.MemberLeft>(e => Change(e.Member.Address, "leaving", () => _up.Remove(e.Member.Address)));
        Receive<ClusterEvent.MemberExited>(e => Change(e.Member.Address, "exited", () => _up.Remove(e.Member.Address)));
        Receive<ClusterEvent.MemberDowned>(e => Change(e.Member.Address, "downed", () => _up.Remove(e.Member.Address)));
        Receive<ClusterEvent.MemberRemoved>(e => Change(e.Member.Address, "removed", () =>
        {
            _up.Remove(e.Member.Address);
            _unreachable.Remove(e.Member.Address);
            _disconnected.Remove(e.Member.Address);
            _registered.Remove(e.Member.Address);
        }));
        Receive<ClusterEvent.UnreachableMember>(e => Change(e.Member.Address, "unreachable", () => _unreachable.Add(e.Member.Address)));
        Receive<ClusterEvent.ReachableMember>(e => Change(e.Member.Address, "reachable again", () => _unreachable.Remove(e.Member.Address)));
        Receive<DisassociatedEvent>(e => Change(e.RemoteAddress, "connection lost", () => _disconnected.Add(e.RemoteAddress)));
        Receive<AssociatedEvent>(e => Change(e.RemoteAddress, "connected again", () => _disconnected.Remove(e.RemoteAddress)));
        ReceiveAny(_ => { });
    }

    public static Props Props(IActorRef directory) => Akka.Actor.Props.Create(() => new WorkerRegistry(directory));

    protected override void PreStart()
    {
        Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
        Context.System.EventStream.Subscribe(Self, typeof(DisassociatedEvent));
        Context.System.EventStream.Subscribe(Self, typeof(AssociatedEvent));
    }

    protected override void PostStop()
    {
        Cluster.Get(Context.System).Unsubscribe(Self);
        Context.System.EventStream.Unsubscribe(Self);
    }

    private void OnRegister(RegisterWorkers register)
    {
        Sender.Tell(WorkersRegistered.Instance, Self);
        // The Seed's own workers register through a local reference.
        var node = Sender.Path.Address.HasLocalScope ? _self : Sender.Path.Address;
        Change(node, "registered", () =>
        {
            if (_announced.Remove(node))
            {
                _directory.Tell(new WorkerNodeGone(node, Died: false), Self);
            }
            _registered[node] = [.. register.Workers];
        });
    }

    /// <summary>Applies a change, then announces or withdraws the node so the directory matches what may take chunks now.</summary>
    private void Change(Address node, string reason, Action change)
    {
        change();
        var usable = _registered.TryGetValue(node, out var workers)
            && (node == _self || (_up.Contains(node) && !_unreachable.Contains(node) && !_disconnected.Contains(node)));
        if (usable && _announced.Add(node))
        {
            _log.Info("{0} offers {1} workers ({2})", node, workers!.Length, reason);
            _directory.Tell(new WorkerNodeUp(node, workers!), Self);
            Context.System.EventStream.Publish(new NodeWorkersChanged(node, workers!.Length));
        }
        else if (!usable && _announced.Remove(node))
        {
            // The line operators (and the failure benchmarks) read: from here the node's chunks run elsewhere.
            _log.Warning("withdrew the workers of {0} ({1}): their chunks go to the other workers", node, reason);
            // A graceful leave re-dispatches the node's chunks without blaming the one it ran.
            _directory.Tell(new WorkerNodeGone(node, Died: reason is not ("leaving" or "exited")), Self);
            Context.System.EventStream.Publish(new NodeWorkersChanged(node, 0));
        }
    }
}
