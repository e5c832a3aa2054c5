using Akka.Actor;
using Akka.Cluster;

namespace ActorMap.Hosting.Downing;

/// <summary>
/// Akka's downing hook, set as <c>akka.cluster.downing-provider-class</c>: runs
/// <see cref="SeedSideDowning"/> on every node. Akka's split-brain resolver was the first choice,
/// but each of its strategies can down the Seed: with a one-way cut that a third node relays it
/// takes "down indirectly connected" and downs both ends, the Seed included (netns spec), which
/// would fail every running job. ActorMap's rule is narrower: only the Seed downs others, and only
/// WorkerNodes; a WorkerNode that cannot hear the Seed downs itself.
/// </summary>
public sealed class SeedSideDowningProvider : IDowningProvider
{
    private readonly Cluster _cluster;
    private readonly TimeSpan _stableAfter;

    public SeedSideDowningProvider(ActorSystem system, Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(system);
        _cluster = cluster;
        _stableAfter = system.Settings.Config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after", TimeSpan.FromSeconds(5));
    }

    public TimeSpan DownRemovalMargin => TimeSpan.Zero;

    public Props DowningActorProps => Props.Create(() => new SeedSideDowning(_cluster, _stableAfter));
}
