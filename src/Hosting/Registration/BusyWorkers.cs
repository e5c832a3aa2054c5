using ActorMap.Compute.Jobs;
using Akka.Actor;

namespace ActorMap.Hosting.Registration;

/// <summary>
/// On a node: how many of its workers are inside a chunk that came from the Seed now, for the
/// node's load report. Counted around the function (the worker actor itself is Compute's and
/// knows nothing of reports); the Seed's own workers run local functions and are not counted.
/// </summary>
internal sealed class BusyWorkers : IExtension
{
    private int _busy;

    public static BusyWorkers Get(ActorSystem system) => system.WithExtension<BusyWorkers, BusyWorkersProvider>();

    public int Busy => Volatile.Read(ref _busy);

    /// <summary>The same function, counted while it runs; still a <see cref="SourcedMapFunction"/> when it was one.</summary>
    public IMapFunction Track(IMapFunction function) => function switch
    {
        SourcedMapFunction sourced => new SourcedMapFunction(sourced.Source, new Counted(sourced, this)),
        _ => new Counted(function, this),
    };

    private sealed class Counted(IMapFunction inner, BusyWorkers owner) : IMapFunction
    {
        public ChunkOutput Apply(long firstIndex, ChunkInput input, ChunkDestination? destination, CancellationToken cancellation)
        {
            Interlocked.Increment(ref owner._busy);
            try
            {
                return inner.Apply(firstIndex, input, destination, cancellation);
            }
            finally
            {
                Interlocked.Decrement(ref owner._busy);
            }
        }
    }
}

internal sealed class BusyWorkersProvider : ExtensionIdProvider<BusyWorkers>
{
    public override BusyWorkers CreateExtension(ExtendedActorSystem system) => new();
}
