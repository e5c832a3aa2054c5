using Akka.Actor;

namespace ActorMap.Compute.Workers;

/// <summary>
/// Which worker actors exist on which node, for routers of cluster jobs. The cluster layer feeds
/// it node events; routers subscribe and get the current set, then deltas, so a node that joins
/// mid-job gets chunks and one that leaves stops getting them.
/// </summary>
internal sealed class WorkerDirectory : ReceiveActor
{
    private readonly Dictionary<Address, IActorRef[]> _nodes = [];
    private readonly HashSet<IActorRef> _subscribers = [];

    public WorkerDirectory()
    {
        Receive<WorkerNodeUp>(OnNodeUp);
        Receive<WorkerNodeGone>(gone => RemoveNode(gone.Node, gone.Died));
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

    public static Props Props() => Akka.Actor.Props.Create(() => new WorkerDirectory());

    private void OnNodeUp(WorkerNodeUp up)
    {
        RemoveNode(up.Node, died: false);
        if (up.Workers.Count == 0)
        {
            return;
        }
        var workers = up.Workers.ToArray();
        _nodes[up.Node] = workers;
        Notify(new WorkersChanged(workers, []));
    }

    private void RemoveNode(Address node, bool died)
    {
        if (_nodes.Remove(node, out var workers))
        {
            Notify(new WorkersChanged([], workers, died));
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
