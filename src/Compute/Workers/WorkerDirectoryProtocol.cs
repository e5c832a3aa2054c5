using ActorMap.Runtime.Actor;

namespace ActorMap.Compute.Workers;

/// <summary>A node now offers <paramref name="Workers"/> worker actors at <c>/user/workers/worker-1..N</c>.</summary>
public sealed record WorkerNodeUp(Address Node, int Workers);

/// <summary>A node is leaving, unreachable or gone: route nothing more to it.</summary>
public sealed record WorkerNodeGone(Address Node);

/// <summary>A router asks to be told the current workers, then every change.</summary>
public sealed record SubscribeWorkers(IActorRef Subscriber);

public sealed record UnsubscribeWorkers(IActorRef Subscriber);

/// <summary>Sent to subscribers: workers that appeared and workers that must no longer get chunks.</summary>
public sealed record WorkersChanged(IReadOnlyList<IActorRef> Added, IReadOnlyList<IActorRef> Removed);

/// <summary>Published on the event stream by cluster jobs' routers: one chunk finished on that node.</summary>
public sealed record ChunkDoneBy(Address Node);

/// <summary>Ask the directory how many workers it knows; the reply is an <see cref="int"/>.</summary>
public sealed class GetWorkerCount
{
    public static readonly GetWorkerCount Instance = new();

    private GetWorkerCount()
    {
    }
}
