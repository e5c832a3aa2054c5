using ActorMap.Compute;
using ActorMap.Hosting.Client;
using ActorMap.Hosting.Tests.Support;
using Akka.Actor;
using static ActorMap.Hosting.Tests.Support.FailingLambdas;

namespace ActorMap.Hosting.Tests;

//   seed (no workers of its own) ◄── worker node (/user/workers/worker-1..N) ; client ──gRPC──► seed
/// <summary>
/// Each directive across nodes: the worker's node restarts or resumes its worker, the job's
/// router on the Seed stops a worker for that job or fails the job, and nothing reaches the
/// node's other jobs.
/// </summary>
public sealed class SupervisionAcrossNodesSpec : IAsyncLifetime
{
    private readonly InProcessCluster _cluster = new();
    private ClusterMapPool? _pool;

    private ClusterMapPool Pool => _pool ?? throw new InvalidOperationException("start the cluster first");

    public Task InitializeAsync() => Task.CompletedTask;

    private async Task StartAsync(int workers, IReadOnlyDictionary<string, string>? workerSettings = null)
    {
        await _cluster.StartSeedAndWorkerAsync(workers, workerSettings: workerSettings);
        _pool = await ClusterMapPool.ConnectAsync(_cluster.SeedApi);
    }

    private static readonly long[] s_thousand = [.. Enumerable.Range(0, 1000).Select(i => (long)i)];

    [Fact]
    public async Task Restart_must_give_the_remote_worker_a_fresh_instance_and_Resume_must_keep_it()
    {
        // One worker: a chunk's retry runs on it only after its node's supervisor has decided.
        await StartAsync(workers: 1, WorkerRestarts.NodeSettings);
        var restarts = WorkerRestarts.Watch(_cluster.Nodes[1].System);

        var resumed = await Pool.MapAsync<long>(Failing(123, "FormatException", "resume-probe"), new LongRange(0, 1000),
            new MapOptions { Supervision = Directive.Resume, ChunkSize = 50, RetriesPerChunk = 1 });
        var afterResume = await restarts.CountAsync();
        var restarted = await Pool.MapAsync<long>(Failing(456, "FormatException", "restart-probe"), new LongRange(0, 1000),
            new MapOptions { Supervision = Directive.Restart, ChunkSize = 50, RetriesPerChunk = 1 });
        var afterRestart = await restarts.CountAsync();

        Assert.Equal(s_thousand, resumed);
        Assert.Equal(s_thousand, restarted);
        Assert.Equal((0, 1), (afterResume, afterRestart));
    }

    [Theory]
    [InlineData(Directive.Restart)]
    [InlineData(Directive.Resume)]
    [InlineData(Directive.Stop)]
    public async Task A_chunk_that_fails_once_on_a_remote_worker_must_be_retried_and_the_job_succeed(Directive directive)
    {
        await StartAsync(workers: 2);

        var results = await Pool.MapAsync<long>(Failing(123, "InvalidOperationException", "once"), new LongRange(0, 1000),
            new MapOptions { Supervision = directive, ChunkSize = 50, RetriesPerChunk = 1 });

        Assert.Equal(s_thousand, results);
    }

    [Fact]
    public async Task Stop_must_fail_the_job_once_every_remote_worker_was_stopped_for_it_and_leave_them_to_the_next_job()
    {
        await StartAsync(workers: 2);

        var error = await Assert.ThrowsAsync<MapJobException>(() => Pool.MapAsync<long>(FailingFrom(500, "InvalidOperationException", "always"),
            new LongRange(0, 1000), new MapOptions { Supervision = Directive.Stop, ChunkSize = 100, RetriesPerChunk = 10 }));
        // Stopped for that job only: a node's workers serve every job.
        var next = await Pool.MapAsync<long>("x => x + 1", new LongRange(0, 100), new MapOptions { Supervision = Directive.Stop, ChunkSize = 10 });

        Assert.Contains("no workers left", error.Message, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), next);
    }

    [Fact]
    public async Task Escalate_must_fail_the_job_at_the_first_failure_whatever_the_retries()
    {
        await StartAsync(workers: 2);

        var error = await Assert.ThrowsAsync<MapJobException>(() => Pool.MapAsync<long>(Failing(321, "InvalidOperationException", "once"), new LongRange(0, 1000),
            new MapOptions { Supervision = Directive.Escalate, ChunkSize = 50, RetriesPerChunk = 5 }));

        Assert.Equal(321, error.ElementIndex);
        Assert.Equal(1, error.Attempts);
        Assert.StartsWith($"akka.tcp://{_cluster.ClusterName}@127.0.0.1:", error.Worker, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_escalated_failure_must_fail_only_its_own_job_while_another_job_on_the_same_workers_succeeds()
    {
        await StartAsync(workers: 2);
        using var started = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        var names = (Started: "actormap-spec-" + Guid.NewGuid().ToString("N"), Gate: "actormap-spec-" + Guid.NewGuid().ToString("N"));
        AppDomain.CurrentDomain.SetData(names.Started, started);
        AppDomain.CurrentDomain.SetData(names.Gate, gate);
        // One chunk that holds one of the node's two workers until the spec opens the gate.
        var held = Pool.MapAsync<long>(
            $"x => {{ var d = AppDomain.CurrentDomain; ((System.Threading.ManualResetEventSlim)d.GetData(\"{names.Started}\")!).Set(); " +
            $"return ((System.Threading.ManualResetEventSlim)d.GetData(\"{names.Gate}\")!).Wait(60_000) ? x * 2 : -1; }}",
            new LongRange(0, 10), new MapOptions { ChunkSize = 10 });
        await Eventually.HoldsAsync(() => Task.FromResult(started.IsSet), TimeSpan.FromSeconds(30), "the held job's chunk running on the worker node");

        var escalated = await Assert.ThrowsAsync<MapJobException>(() => Pool.MapAsync<long>(FailingFrom(0, "InvalidOperationException", "escalate-probe"),
            new LongRange(0, 100), new MapOptions { Supervision = Directive.Escalate, ChunkSize = 10, RetriesPerChunk = 5 }));
        Assert.False(held.IsCompleted, "the held job ended with the escalated one");
        gate.Set();

        Assert.Equal("escalate-probe", escalated.ErrorMessage);
        Assert.Equal(1, escalated.Attempts);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * 2L), await held.WaitAsync(TimeSpan.FromSeconds(30)));
        // The cluster goes on serving: a new job runs on both workers, the escalated one's too.
        Assert.Equal(Enumerable.Range(0, 100).Select(i => i * 3L),
            await Pool.MapAsync<long>("x => x * 3", new LongRange(0, 100), new MapOptions { ChunkSize = 5 }).WaitAsync(TimeSpan.FromSeconds(30)));
        await using var client = ClusterClient.Connect(_cluster.SeedApi);
        await Eventually.HoldsAsync(async () => (await client.StatusAsync(TimeSpan.FromSeconds(5), CancellationToken.None)).Jobs.Count == 0,
            TimeSpan.FromSeconds(30), "no job left running on the cluster");
    }

    public async Task DisposeAsync()
    {
        if (_pool is not null)
        {
            await _pool.DisposeAsync();
        }
        await _cluster.DisposeAsync();
    }
}
