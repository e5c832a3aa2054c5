using ActorMap.Compute;
using ActorMap.Hosting.Client;
using ActorMap.Hosting.Tests.Support;
using ActorMap.Hosting.Wire;
using ActorMap.Messages.Compute;
using Akka.Actor;
using static ActorMap.Hosting.Tests.Support.FailingLambdas;

namespace ActorMap.Hosting.Tests;

//   seed (cluster.hocon's actormap.compute.supervision; no workers) ◄── worker node (1 worker) ; client ──gRPC──► seed
/// <summary>
/// The supervision policy across nodes: the Seed's cluster.hocon chooses a directive per exception
/// type, the worker's node applies it, retries count per chunk within a window, and a job's own
/// policy (the C# API, the console's flags) beats the Seed's.
/// </summary>
public sealed class SupervisionPolicyAcrossNodesSpec : IAsyncLifetime
{
    private static readonly long[] s_thousand = [.. Enumerable.Range(0, 1000).Select(i => (long)i)];
    private readonly InProcessCluster _cluster = new();
    private ClusterMapPool? _pool;

    private ClusterMapPool Pool => _pool ?? throw new InvalidOperationException("start the cluster first");

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>One worker on the node: a chunk's retry runs on it only after its node's supervisor has decided.</summary>
    private async Task<WorkerRestarts> StartAsync(string supervision)
    {
        await _cluster.StartSeedAndWorkerAsync(workers: 1,
            seedSettings: new Dictionary<string, string> { ["actormap.compute.supervision"] = supervision },
            workerSettings: WorkerRestarts.NodeSettings);
        _pool = await ClusterMapPool.ConnectAsync(_cluster.SeedApi);
        return WorkerRestarts.Watch(_cluster.Nodes[1].System);
    }

    [Fact]
    public async Task A_policy_from_cluster_hocon_must_choose_each_exceptions_directive_by_type_in_one_job()
    {
        var restarts = await StartAsync("""
            {
              default = stop
              max-retries = 3
              directives {
                "System.SystemException" = escalate
                "System.FormatException" = resume
                "System.InvalidOperationException" = restart
              }
            }
            """);

        // In one job: a FormatException (resume) and then an InvalidOperationException (restart),
        // each once; both SystemExceptions, whose own directive would escalate.
        // No MapOptions: the Seed's settings are the job's (default chunks of 250 elements here).
        var results = await Pool.MapAsync<long>(FailingOnceEach((100, "FormatException", "format-probe"), (300, "InvalidOperationException", "restart-probe")),
            new LongRange(0, 1000));
        var restartsInTheJob = await restarts.CountAsync();
        // An ArgumentException has no directive of its own: its base type's escalates.
        var escalated = await Assert.ThrowsAsync<MapJobException>(() =>
            Pool.MapAsync<long>(Failing(50, "ArgumentException", "argument-probe"), new LongRange(0, 1000)));
        // Not a SystemException at all: the default, stop, takes the node's only worker from the job.
        var stopped = await Assert.ThrowsAsync<MapJobException>(() =>
            Pool.MapAsync<long>(Failing(70, "Exception", "stop-probe"), new LongRange(0, 1000)));

        Assert.Equal(s_thousand, results);
        // The InvalidOperationException's restart, and none for the resumed FormatException.
        Assert.Equal(1, restartsInTheJob);
        Assert.Equal((50, "System.ArgumentException", 1), (escalated.ElementIndex, escalated.ErrorType, escalated.Attempts));
        Assert.Contains("no workers left", stopped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_must_count_per_chunk_within_the_window_and_a_failure_after_it_start_a_new_count()
    {
        await StartAsync("{ max-retries = 1, within = 20ms }");
        // Each failing attempt takes 200 ms, ten times the window: every failure opens a new one.
        var slowly = Failing(7, "InvalidOperationException", "slow-probe", times: 3, slowMilliseconds: 200);

        var results = await Pool.MapAsync<long>(slowly, new LongRange(0, 100));
        // The same failures in one window, the job's own: its one retry is spent at the second.
        var error = await Assert.ThrowsAsync<MapJobException>(() =>
            Pool.MapAsync<long>(Failing(7, "InvalidOperationException", "slow-probe", times: 3, slowMilliseconds: 200), new LongRange(0, 100),
                new MapOptions { RetriesPerChunk = 1, RetryWindow = Timeout.InfiniteTimeSpan }));

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), results);
        Assert.Equal(2, error.Attempts);
    }

    [Fact]
    public async Task A_jobs_own_policy_must_beat_cluster_hocons_from_the_CSharp_API_and_from_the_consoles_flags()
    {
        await StartAsync("""{ default = escalate, max-retries = 0, directives { "System.FormatException" = escalate } }""");
        await using var client = ClusterClient.Connect(_cluster.SeedApi);
        // What `actormap map --on System.FormatException=resume --retries 1` sends: only what it names changes.
        SubmitJob Console(string lambda)
        {
            var submit = new SubmitJob { FunctionSource = lambda, Reduce = "sum" };
            SupervisionWire.Write(new SupervisionOverrides(null,
                new Dictionary<string, Directive> { ["System.FormatException"] = Directive.Resume }, MaxRetries: 1, Within: null), submit);
            return submit;
        }

        var seeds = await Assert.ThrowsAsync<MapJobException>(() => Pool.MapAsync<long>(Failing(5, "FormatException", "seed-probe"), new LongRange(0, 100)));
        var api = await Pool.MapAsync<long>(Failing(5, "FormatException", "api-probe"), new LongRange(0, 100),
            new MapOptions { Supervision = new SupervisionPolicy(Directive.Escalate).On<FormatException>(Directive.Resume), RetriesPerChunk = 1 });
        var console = await client.RunAsync(Console(Failing(5, "FormatException", "console-probe")), new Functions.Input.RangeMapInput(new LongRange(0, 100)),
            null, null, CancellationToken.None);
        // The default the flags left alone is still the Seed's: escalate.
        var unnamed = await Assert.ThrowsAsync<ClusterJobException>(() => client.RunAsync(Console(Failing(5, "DivideByZeroException", "unnamed-probe")),
            new Functions.Input.RangeMapInput(new LongRange(0, 100)), null, null, CancellationToken.None));

        Assert.Equal(("System.FormatException", 1), (seeds.ErrorType, seeds.Attempts));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), api);
        Assert.Equal("4950", System.Text.Encoding.UTF8.GetString(console));
        Assert.Equal(("System.DivideByZeroException", 1), (unnamed.Failure.ErrorType, unnamed.Failure.Attempts));
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
