using Akka.Actor;

namespace ActorMap.Compute.Workers;

/// <summary>A node now offers these worker actors (they registered with the Seed).</summary>
public sealed record WorkerNodeUp(Address Node, IReadOnlyList<IActorRef> Workers);

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
