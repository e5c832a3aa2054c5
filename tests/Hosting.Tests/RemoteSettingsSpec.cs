using ActorMap.Compute;
using ActorMap.Hosting.Client;
using ActorMap.Hosting.Tests.Support;

namespace ActorMap.Hosting.Tests;

//   seed (no workers of its own) ◄── worker node (2 workers) ; client ──gRPC──► seed
/// <summary>
/// A job's settings apply to workers on other nodes exactly as to local ones; its supervision is
/// SupervisionAcrossNodesSpec's and SupervisionPolicyAcrossNodesSpec's.
/// </summary>
public sealed class RemoteSettingsSpec : IAsyncLifetime
{
    private readonly InProcessCluster _cluster = new();
    private ClusterMapPool _pool = null!;

    public async Task InitializeAsync()
    {
        await _cluster.StartSeedAndWorkerAsync(workers: 2);
        _pool = await ClusterMapPool.ConnectAsync(_cluster.SeedApi);
    }

    [Fact]
    public async Task A_cancelled_job_must_stop_its_chunks_running_on_other_nodes()
    {
        // Each chunk would run for over a minute; both remote workers are busy with one.
        using var cancel = new CancellationTokenSource();
        var slow = _pool.MapAsync<long>("x => { System.Threading.Thread.Sleep(50); return x; }", new LongRange(0, 4000),
            new MapOptions { ChunkSize = 1500 }, cancel.Token);
        await using (var client = ClusterClient.Connect(_cluster.SeedApi))
        {
            await Eventually.HoldsAsync(async () =>
                (await client.StatusAsync(TimeSpan.FromSeconds(5), CancellationToken.None)).Jobs.Count == 1, TimeSpan.FromSeconds(30), "the slow job running");
        }

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slow);

        // Only workers that abandoned their chunks can run this within the deadline.
        var quick = await _pool.MapAsync<long>("x => x + 1", new LongRange(0, 10), new MapOptions { ChunkSize = 1 })
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), quick);
    }

    public async Task DisposeAsync()
    {
        await _pool.DisposeAsync();
        await _cluster.DisposeAsync();
    }
}
