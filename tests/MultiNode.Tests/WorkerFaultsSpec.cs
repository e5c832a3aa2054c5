using ActorMap.MultiNode.Tests.Support;
using Xunit.Abstractions;

namespace ActorMap.MultiNode.Tests;

/// <summary>
/// WorkerNodes frozen, restarted in place and restarted one after another while a job runs,
/// with real processes and signals; every element is checked against its index.
/// </summary>
[Trait("Category", "MultiNode")]
public sealed class WorkerFaultsSpec(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ClusterFixture _cluster = new(output);

    [Fact]
    public async Task A_frozen_WorkerNode_must_have_its_chunks_run_elsewhere_and_its_late_results_dropped_when_welcomed_back()
    {
        // Unreachable within seconds, but downed only after a minute: SIGCONT comes first.
        const string config = ClusterFixture.FastFailureDetection + "akka.cluster.split-brain-resolver.stable-after = 60s\n";
        var workers = await _cluster.StartClusterAsync(workers: 2, config: config);
        var frozen = workers[1];
        var gate = new JobGate(_cluster);
        var console = _cluster.StartGatedJob();
        await _cluster.AwaitChunksDoneByAsync(frozen);

        await frozen.Process.FreezeAsync();
        await _cluster.Seed!.WaitForLineAsync($"withdrew the workers of akka.tcp://{_cluster.ClusterName}@{frozen.Endpoint} (unreachable)", Timeouts.Membership);
        await frozen.Process.ResumeAsync();
        await _cluster.Seed.WaitForLineAsync($"{frozen.Endpoint} offers 2 workers (reachable again)", Timeouts.Membership);
        // The chunks it held before the freeze now run elsewhere too; it finishes its copies once the gate opens.
        gate.Open();
        var result = await ClusterFixture.FinishAsync(console, Timeouts.Job);

        Assert.True(result.ExitCode == 0, result.ToString());
        JobGate.AssertComplete(result);
        var status = await _cluster.StatusAsync();
        Assert.True(status.MemberOf(frozen) is { IsUp: true, Reachable: true, LateResultsDropped: > 0 }, $"{frozen} was not welcomed back with its late results dropped: {status}");
        Assert.True(status.ChunksRedispatched > 0, status.ToString());
    }

    [Fact]
    public async Task A_WorkerNode_restarted_at_once_on_the_same_port_must_replace_its_old_incarnation_and_the_job_complete()
    {
        var seed = await _cluster.StartSeedAsync();
        var port = ClusterFixture.FreePort();
        var victim = await _cluster.StartWorkerAsync(port: port);
        var other = await _cluster.StartWorkerAsync();
        await _cluster.AwaitStatusAsync(status =>
            Assert.True(status.Members.Count(m => m.IsUp) == 3, $"not all Up: {status}"), Timeouts.Membership);
        var gate = new JobGate(_cluster);
        var console = _cluster.StartGatedJob();
        await _cluster.AwaitChunksDoneByAsync(victim);

        victim.Kill();
        var successor = await _cluster.StartWorkerAsync(port: port);
        await _cluster.AwaitStatusAsync(status =>
        {
            var member = Assert.Single(status.Members, m => successor.IsAddress(m.Address));
            Assert.True(member is { IsUp: true, Reachable: true, Workers: 2 }, $"{successor} has not replaced its old incarnation: {status}");
            Assert.NotEmpty(status.Jobs);
        }, Timeouts.Membership);
        gate.Open();
        var result = await ClusterFixture.FinishAsync(console, Timeouts.Job);

        Assert.True(result.ExitCode == 0, result.ToString());
        JobGate.AssertComplete(result);
        Assert.True((await _cluster.StatusAsync()).MemberOf(seed) is { IsUp: true }, "the seed is not Up");
        Assert.False(other.Process.HasExited, $"{other} exited");
    }

    [Fact]
    public async Task A_rolling_restart_of_every_WorkerNode_during_one_job_must_leave_the_job_complete()
    {
        // Gated chunks never return by themselves: a leaving node abandons them after 2 s, not 15.
        const string config = ClusterFixture.FastFailureDetection + "actormap.shutdown.abandon-user-code-after = 2s\n";
        var workers = await _cluster.StartClusterAsync(workers: 3, config: config);
        var gate = new JobGate(_cluster);
        var console = _cluster.StartGatedJob();
        await _cluster.AwaitChunksDoneByAsync(workers[0]);

        foreach (var worker in workers)
        {
            // SIGTERM: a graceful leave, as an orchestrator's rolling update does it.
            await worker.TerminateAsync();
            var exit = await worker.WaitForExitAsync(Timeouts.Shutdown);
            Assert.True(exit == 0, $"{worker} exited with {exit}:\n{worker.Output.Tail()}");
            var successor = await _cluster.StartWorkerAsync(config: config);
            await _cluster.AwaitStatusAsync(status =>
            {
                Assert.True(status.MemberOf(successor) is { IsUp: true, Workers: 2 }, $"{successor} is not Up: {status}");
                Assert.NotEmpty(status.Jobs);
            }, Timeouts.Membership);
        }
        gate.Open();
        var result = await ClusterFixture.FinishAsync(console, Timeouts.Job);

        Assert.True(result.ExitCode == 0, result.ToString());
        JobGate.AssertComplete(result);
    }

    [Fact]
    public async Task A_chunk_whose_executing_node_died_three_times_must_fail_its_job_as_a_poison_chunk()
    {
        // Every chunk crosses the network: the Seed runs none itself, or the poison would kill it.
        await _cluster.StartSeedAsync(ClusterFixture.FastFailureDetection + "actormap.seed.allow-local-routees = off\n");
        var workers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            _cluster.StartWorkerAsync(workers: 1, ClusterFixture.FastFailureDetection + "actormap.worker.rejoin.enabled = off\n")));
        await _cluster.AwaitStatusAsync(status =>
            Assert.True(status.Members.Count(m => m is { IsUp: true, Workers: 1 }) == 3, $"not all workers Up: {status}"), Timeouts.Membership);

        // Element 57 kills whichever node runs it. The pause lets the node's "chunk started" reach
        // the Seed first: a crash within microseconds of starting could outrun it, and a chunk
        // not known to have run is never blamed.
        var result = await _cluster.RunConsoleAsync("map",
            "x => { if (x == 57) { System.Threading.Thread.Sleep(300); System.Diagnostics.Process.GetCurrentProcess().Kill(); } return x; }",
            "--range", "0..1000", "--chunk-size", "10");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("chunk 5 (elements 50 to 59) is a poison chunk: it was executing on 3 nodes that each died", result.Stderr, StringComparison.Ordinal);
        foreach (var worker in workers)
        {
            Assert.Contains(worker.Endpoint, result.Stderr, StringComparison.Ordinal);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();
}
