using System.Runtime.Loader;
using ActorMap.Compute;
using ActorMap.Hosting.Client;
using ActorMap.Hosting.Tests.Support;
using Harmonic;

namespace ActorMap.Hosting.Tests.Shipping;

/// <summary>
/// After a shipped job ends, the Seed's and the node's load contexts of its set are not only
/// unloaded but collected: nothing of the run (results, JSON caches, leases) keeps them.
/// </summary>
public sealed class ShippedContextCollectionSpec : IAsyncLifetime
{
    private readonly InProcessCluster _cluster = new();

    public Task InitializeAsync() => _cluster.StartSeedAndWorkerAsync(workers: 1);

    // One cluster for both cases: starting one costs more than the check.
    [Fact]
    public async Task A_job_must_leave_no_shipped_context_alive_whether_its_results_are_numbers_or_the_callers_own_types()
    {
        await using (var pool = await ClusterMapPool.ConnectAsync(_cluster.SeedApi))
        {
            Assert.Equal(Enumerable.Range(0, 200).Select(i => Series.DenominatorDigits(i)), await pool.MapAsync(new LongRange(0, 200), Series.DenominatorDigits));
        }
        await AssertCollectedAsync();

        await using (var pool = await ClusterMapPool.ConnectAsync(_cluster.SeedApi))
        {
            var results = await pool.MapAsync(new LongRange(0, 200), x => new Histogram().Add(x % 3));
            Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)(i % 3)), results.Select(h => h.Counts.Single().Key));
        }
        await AssertCollectedAsync();
    }

    private static async Task AssertCollectedAsync() =>
        await Eventually.HoldsAsync(() =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return Task.FromResult(!AssemblyLoadContext.All.Any(c => c.Name?.StartsWith("actormap-shipped-", StringComparison.Ordinal) == true));
        }, TimeSpan.FromSeconds(20), "every shipped load context collected once its job ended: " +
            string.Join(", ", AssemblyLoadContext.All.Select(c => c.Name).Where(n => n?.StartsWith("actormap-shipped-", StringComparison.Ordinal) == true)));

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}
