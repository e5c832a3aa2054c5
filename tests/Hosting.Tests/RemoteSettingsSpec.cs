using ActorMap.Compute;
using ActorMap.Hosting.Client;
using ActorMap.Hosting.Tests.Support;
using Akka.Actor;

namespace ActorMap.Hosting.Tests;

//   seed (no workers of its own) ◄── worker node (2 workers) ; client ──gRPC──► seed
/// <summary>A job's settings apply to workers on other nodes exactly as to local ones.</summary>
public sealed class RemoteSettingsSpec : IAsyncLifetime
{
    private readonly InProcessCluster _cluster = new();
    private ClusterMapPool _pool = null!;

    public async Task InitializeAsync()
    {
        await _cluster.StartSeedAndWorkerAsync(workers: 2);
        _pool = await ClusterMapPool.ConnectAsync(_cluster.SeedApi);
    }

    // The nodes run in this process, so a process-wide flag lets an element fail exactly once.
    private static string FailingOnce(long element, string flag) =>
        $"x => x == {element} && AppDomain.CurrentDomain.GetData(\"{flag}\") is null ? ((Func<long>)(() => {{ AppDomain.CurrentDomain.SetData(\"{flag}\", 1); throw new InvalidOperationException(\"once\"); }}))() : x";

    [Fact]
    public async Task Escalate_must_fail_the_job_at_the_first_failure_whatever_the_retries()
    {
        var error = await Assert.ThrowsAsync<MapJobException>(() => _pool.MapAsync<long>(FailingOnce(321, Guid.NewGuid().ToString()), new LongRange(0, 1000),
            new MapOptions { Supervision = Directive.Escalate, ChunkSize = 50, RetriesPerChunk = 5 }));

        Assert.Equal(321, error.ElementIndex);
        Assert.Equal(1, error.Attempts);
    }

    [Theory]
    [InlineData(Directive.Restart)]
    [InlineData(Directive.Resume)]
    [InlineData(Directive.Stop)]
    public async Task A_chunk_that_fails_once_on_a_remote_worker_must_be_retried_and_the_job_succeed(Directive directive)
    {
        var results = await _pool.MapAsync<long>(FailingOnce(123, Guid.NewGuid().ToString()), new LongRange(0, 1000),
            new MapOptions { Supervision = directive, ChunkSize = 50, RetriesPerChunk = 1 });

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), results);
    }

    [Fact]
    public async Task Stop_must_fail_the_job_once_every_remote_worker_was_stopped_for_it()
    {
        var error = await Assert.ThrowsAsync<MapJobException>(() => _pool.MapAsync<long>("x => x >= 500 ? throw new InvalidOperationException(\"always\") : x",
            new LongRange(0, 1000), new MapOptions { Supervision = Directive.Stop, ChunkSize = 100, RetriesPerChunk = 10 }));

        Assert.Contains("no workers left", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_must_be_the_jobs_own()
    {
        var error = await Assert.ThrowsAsync<MapJobException>(() => _pool.MapAsync<long>("x => x == 7 ? throw new InvalidOperationException(\"always\") : x",
            new LongRange(0, 100), new MapOptions { ChunkSize = 10, RetriesPerChunk = 4 }));

        Assert.Equal(5, error.Attempts);
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
