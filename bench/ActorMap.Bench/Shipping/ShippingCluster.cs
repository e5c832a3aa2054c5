using ActorMap.Bench.Cluster;
using ActorMap.Compute;
using ActorMap.Hosting.Client;

namespace ActorMap.Bench.Shipping;

/// <summary>
/// A Seed with no workers of its own and one WorkerNode, as real processes on loopback, each with
/// an empty store directory of its own: started afresh for every repetition, so the first job's
/// files (the library and Fractions.dll alike) are new to both. Disposing kills both and deletes
/// the stores.
/// </summary>
internal sealed class ShippingCluster : IDisposable
{
    private readonly NodeProcesses _nodes;
    private readonly string _directory;

    private ShippingCluster(string directory, ClusterMapPool pool, NodeProcesses nodes)
    {
        _directory = directory;
        Pool = pool;
        _nodes = nodes;
    }

    public ClusterMapPool Pool { get; }

    public static ShippingCluster Start(string directory, int seedPort, int workers)
    {
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "bench.hocon");
        File.WriteAllText(config, "actormap.seed.allow-local-routees = off\nactormap.cluster-name = bench-shipping\nakka.loglevel = WARNING\n");
        var nodes = new NodeProcesses(Repository.Root, "Release");
        try
        {
            var apiPort = nodes.Start("Seed", "actormap-seed", $"--config {config} --hostname 127.0.0.1 --port {seedPort} --api-port 0",
                Store(directory, "seed"));
            nodes.Start("WorkerNode", "actormap-worker", $"--config {config} --hostname 127.0.0.1 --port 0 --seed 127.0.0.1:{seedPort} --workers {workers}",
                Store(directory, "worker"));
            var pool = ClusterMapPool.ConnectAsync($"127.0.0.1:{apiPort}").GetAwaiter().GetResult();
            // Waits for the WorkerNode to join, and compiles the lambda every later lambda job uses.
            pool.MapReduceAsync<long>(UserSource.CheapLambda, new LongRange(0, 1000), "sum", new MapOptions { ChunkSize = 10 }).Wait();
            return new ShippingCluster(directory, pool, nodes);
        }
        catch
        {
            nodes.Dispose();
            throw;
        }
    }

    private static Dictionary<string, string> Store(string directory, string node) =>
        new() { ["ACTORMAP_STORE_DIR"] = Path.Combine(directory, "store-" + node) };

    public void Dispose()
    {
        Pool.DisposeAsync().AsTask().Wait();
        _nodes.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A node still closing a file: the temp folder keeps it, nothing depends on it.
        }
    }
}
