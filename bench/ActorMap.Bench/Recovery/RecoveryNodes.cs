using ActorMap.Bench.Faults;

namespace ActorMap.Bench.Recovery;

/// <summary>
/// A Seed and two WorkerNodes as processes on 127.0.0.1 at the shipped defaults (the Seed runs
/// workers too; every node one worker per processor). A struck WorkerNode is replaced by a fresh
/// one, and the cluster is warm again, before the next run. Disposing kills every process.
/// </summary>
internal sealed class RecoveryNodes : IDisposable
{
    private readonly FaultCluster _cluster;
    private readonly NodeProcess[] _workers = new NodeProcess[2];

    private RecoveryNodes(string scratch) => _cluster = new FaultCluster(scratch, NodeShape.Defaults);

    public FaultCluster Cluster => _cluster;

    public string Api { get; private set; } = "";

    public static async Task<RecoveryNodes> StartAsync(string scratch)
    {
        var nodes = new RecoveryNodes(scratch);
        try
        {
            nodes.Api = await nodes._cluster.StartSeedAsync();
            var from = nodes._cluster.Seed.Lines.Count;
            for (var slot = 0; slot < nodes._workers.Length; slot++)
            {
                nodes._workers[slot] = nodes._cluster.StartWorker();
            }
            await nodes._cluster.SeedOffersAsync();
            foreach (var worker in nodes._workers)
            {
                await nodes._cluster.OfferedAsync(worker, from);
            }
            await BurnJob.WarmAsync(nodes.Api);
            return nodes;
        }
        catch
        {
            nodes.Dispose();
            throw;
        }
    }

    public NodeProcess Worker(int slot) => _workers[slot];

    /// <summary>The Seed and the WorkerNodes in service now.</summary>
    public IReadOnlyList<NodeProcess> Processes => [_cluster.Seed, .. _workers];

    /// <summary>
    /// Kills the slot's WorkerNode (a frozen one too) and starts a fresh one, then warms the cluster.
    /// The fresh node only comes Up once the Seed has downed the old one (unreachable, then the
    /// split-brain resolver's stable-after), so this is where a faulted run's waiting goes.
    /// </summary>
    public async Task ReplaceAsync(int slot)
    {
        _workers[slot].Kill();
        var from = _cluster.Seed.Lines.Count;
        _workers[slot] = _cluster.StartWorker();
        await _cluster.OfferedAsync(_workers[slot], from);
        await BurnJob.WarmAsync(Api);
    }

    public string Tails() => _cluster.Tails();

    public void Dispose() => _cluster.Dispose();
}
