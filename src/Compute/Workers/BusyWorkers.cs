using Akka.Actor;

namespace ActorMap.Compute.Workers;

/// <summary>
/// How many of this actor system's workers are inside a chunk now, for the node's load report.
/// Per actor system, not per process: in-process clusters run several nodes in one process.
/// Counted by <see cref="Actors.Worker"/> where it counts the <c>actormap.workers.busy</c> metric.
/// </summary>
internal sealed class BusyWorkers : IExtension
{
    private int _busy;

    public static BusyWorkers Get(ActorSystem system) => system.WithExtension<BusyWorkers, BusyWorkersProvider>();

    public int Busy => Volatile.Read(ref _busy);

    public void Started() => Interlocked.Increment(ref _busy);

    public void Ended() => Interlocked.Decrement(ref _busy);
}

internal sealed class BusyWorkersProvider : ExtensionIdProvider<BusyWorkers>
{
    public override BusyWorkers CreateExtension(ExtendedActorSystem system) => new();
}
