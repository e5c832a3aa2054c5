namespace ActorMap.Bench.Faults;

/// <summary>
/// What the nodes of a <see cref="FaultCluster"/> run: whether the Seed runs workers of its own,
/// and each WorkerNode's worker count (null: the shipped default, one per processor).
/// </summary>
internal sealed record NodeShape(string Name, bool SeedRunsWorkers, int? WorkersPerNode)
{
    /// <summary>The faults suite's: every chunk on a WorkerNode of two workers, so a fault always hits chunks.</summary>
    public static readonly NodeShape WorkerNodesOnly = new("faults", SeedRunsWorkers: false, WorkersPerNode: 2);

    /// <summary>What an operator gets without a config: the Seed runs workers too, every node one per processor.</summary>
    public static readonly NodeShape Defaults = new("defaults", SeedRunsWorkers: true, WorkersPerNode: null);
}
