using ActorMap.Runtime.Actor;

namespace ActorMap.Compute.Workers;

/// <summary>
/// Which worker actors exist on which node, for routers of cluster jobs. The cluster layer feeds
/// it node events; routers subscribe and get the current set, then deltas, so a node that joins
/// mid-job gets chunks and one that leaves stops getting them.
/// </summary>
public sealed class WorkerDirectory : ReceiveActor
{
    private readonly Dictionary<Address, IActorRef[]> _nodes = [];
    private readonly HashSet<IActorRef> _subscribers = [];

    public WorkerDirectory()
    {
        Receive<WorkerNodeUp>(OnNodeUp);
        Receive<WorkerNodeGone>(gone => RemoveNode(gone.Node));
        Receive<SubscribeWorkers>(subscribe =>
        {
            if (_subscribers.Add(subscribe.Subscriber))
            {
                Context.Watch(subscribe.Subscriber);
            }
            subscribe.Subscriber.Tell(new WorkersChanged([.. _nodes.Values.SelectMany(w => w)], []), Self);
        });
        Receive<UnsubscribeWorkers>(unsubscribe =>
        {
            _subscribers.Remove(unsubscribe.Subscriber);
            Context.Unwatch(unsubscribe.Subscriber);
        });
        Receive<GetWorkerCount>(_ => Sender.Tell(_nodes.Values.Sum(w => w.Length), Self));
        Receive<Terminated>(terminated => _subscribers.Remove(terminated.ActorRef));
    }

    public static Props Props() => Runtime.Actor.Props.Create(() => new WorkerDirectory());

    /// <summary>The path of worker <paramref name="index"/> (1-based) on a node.</summary>
    public static ActorPath WorkerPath(Address node, int index) => ActorPath.RootOf(node) / "user" / "workers" / $"worker-{index}";

    private void OnNodeUp(WorkerNodeUp up)
    {
        RemoveNode(up.Node);
        if (up.Workers <= 0)
        {
            return;
        }
        var workers = new IActorRef[up.Workers];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Context.System.ResolveActorRef(WorkerPath(up.Node, i + 1));
        }
        _nodes[up.Node] = workers;
        Notify(new WorkersChanged(workers, []));
    }

    private void RemoveNode(Address node)
    {
        if (_nodes.Remove(node, out var workers))
        {
            Notify(new WorkersChanged([], workers));
        }
    }

    private void Notify(WorkersChanged change)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Tell(change, Self);
        }
    }
}
