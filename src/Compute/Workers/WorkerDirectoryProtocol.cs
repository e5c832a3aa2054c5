using Akka.Actor;

namespace ActorMap.Compute.Workers;

/// <summary>A node now offers these worker actors (they registered with the Seed).</summary>
internal sealed record WorkerNodeUp(Address Node, IReadOnlyList<IActorRef> Workers);

/// <summary>A node is leaving, unreachable or gone: route nothing more to it.</summary>
internal sealed record WorkerNodeGone(Address Node);

/// <summary>A router asks to be told the current workers, then every change.</summary>
internal sealed record SubscribeWorkers(IActorRef Subscriber);

internal sealed record UnsubscribeWorkers(IActorRef Subscriber);

/// <summary>Sent to subscribers: workers that appeared and workers that must no longer get chunks.</summary>
internal sealed record WorkersChanged(IReadOnlyList<IActorRef> Added, IReadOnlyList<IActorRef> Removed);

/// <summary>Published on the event stream by cluster jobs' routers: one chunk finished on that node.</summary>
internal sealed record ChunkDoneBy(Address Node);

/// <summary>Ask the directory how many workers it knows; the reply is an <see cref="int"/>.</summary>
internal sealed class GetWorkerCount
{
    public static readonly GetWorkerCount Instance = new();

    private GetWorkerCount()
    {
    }
}
