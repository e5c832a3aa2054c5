using Akka.Actor;

namespace ActorMap.Compute.Workers;

/// <summary>A node now offers these worker actors (they registered with the Seed).</summary>
internal sealed record WorkerNodeUp(Address Node, IReadOnlyList<IActorRef> Workers);

/// <summary>
/// A node is leaving, unreachable or gone: route nothing more to it. <paramref name="Died"/> is
/// false for a graceful leave: the chunk it was running is re-dispatched but not blamed.
/// </summary>
internal sealed record WorkerNodeGone(Address Node, bool Died = true);

/// <summary>A router asks to be told the current workers, then every change.</summary>
internal sealed record SubscribeWorkers(IActorRef Subscriber);

internal sealed record UnsubscribeWorkers(IActorRef Subscriber);

/// <summary>
/// Sent to subscribers: workers that appeared and workers that must no longer get chunks;
/// <paramref name="Died"/> says whether the removed ones were lost to a fault (not a graceful leave).
/// </summary>
internal sealed record WorkersChanged(IReadOnlyList<IActorRef> Added, IReadOnlyList<IActorRef> Removed, bool Died = true);

/// <summary>Published on the event stream by cluster jobs' routers: one chunk finished on that node.</summary>
internal sealed record ChunkDoneBy(Address Node);

/// <summary>
/// Published by cluster jobs' routers: a result came from a worker that no longer held its chunk
/// (withdrawn as unreachable or gone, the chunk re-dispatched), so it was dropped.
/// </summary>
internal sealed record LateResultDropped(Address Node, long JobId);

/// <summary>Published by cluster jobs' routers: chunks a lost worker held went back to be run elsewhere.</summary>
internal sealed record ChunksRedispatched(Address Node, long JobId, int Chunks);

/// <summary>Ask the directory how many workers it knows; the reply is an <see cref="int"/>.</summary>
internal sealed class GetWorkerCount
{
    public static readonly GetWorkerCount Instance = new();

    private GetWorkerCount()
    {
    }
}
