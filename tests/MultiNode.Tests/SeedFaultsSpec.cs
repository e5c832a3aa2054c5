using ActorMap.MultiNode.Tests.Support;
using Xunit.Abstractions;

namespace ActorMap.MultiNode.Tests;

/// <summary>
/// The Seed and the client dying mid-job, with real processes: a Seed's death fails its running
/// job with an error naming it, the WorkerNodes rejoin the restarted Seed by themselves, and a
/// client's death cancels its job on the cluster.
/// </summary>
[Trait("Category", "MultiNode")]
public sealed class SeedFaultsSpec(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ClusterFixture _cluster = new(output);

    [Fact]
    public async Task A_killed_Seed_must_fail_its_job_naming_it_and_its_WorkerNodes_rejoin_the_restarted_Seed()
    {
        var (port, apiPort) = (ClusterFixture.FreePort(), ClusterFixture.FreePort());
        var seed = await _cluster.StartSeedAsync(ClusterFixture.FastFailureDetection, port, apiPort);
        // The gated chunks never return by themselves: a downed node abandons them after 2 s, not 15.
        const string workerConfig = ClusterFixture.FastFailureDetection + "actormap.shutdown.abandon-user-code-after = 2s\n";
        var workers = await Task.WhenAll(_cluster.StartWorkerAsync(config: workerConfig), _cluster.StartWorkerAsync(config: workerConfig));
        await _cluster.AwaitStatusAsync(status => Assert.True(status.Members.Count(m => m.IsUp) == 3, status.ToString()), Timeouts.Membership);
        var console = _cluster.StartGatedJob();
        await _cluster.AwaitStatusAsync(status => Assert.Contains(status.Jobs, j => j.ChunksDone > 0), Timeouts.Job);
        var jobId = (await _cluster.StatusAsync()).Jobs.Single().JobId;

        seed.Kill();
        var lost = await ClusterFixture.FinishAsync(console, Timeouts.Job);

        Assert.True(lost.ExitCode == 1, lost.ToString());
        Assert.Contains($"job {jobId} was lost", lost.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", lost.Stderr, StringComparison.Ordinal);

        // Same ports, new incarnation: the workers are downed by their own side (no Seed there),
        // start again in process and join it.
        await _cluster.StartSeedAsync(ClusterFixture.FastFailureDetection, port, apiPort);
        foreach (var worker in workers)
        {
            await worker.WaitForLineAsync("rejoining as a new incarnation", Timeouts.Membership);
        }
        await _cluster.AwaitStatusAsync(status =>
            Assert.True(status.Members.Count(m => m is { IsUp: true, Reachable: true, Workers: 2 } && m.Roles.Contains("worker")) == 2, $"the workers have not rejoined: {status}"),
            Timeouts.Membership + Timeouts.Membership);
        new JobGate(_cluster).Open();
        var next = await _cluster.RunConsoleAsync("map", "x => x * 2", "--range", "0..1000", "--reduce", "sum");
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal("999000", next.LastLine);
        Assert.All(workers, w => Assert.False(w.Process.HasExited, $"{w} exited"));
    }

    [Fact]
    public async Task A_client_killed_mid_job_must_have_its_job_cancelled_on_the_cluster()
    {
        await _cluster.StartClusterAsync(workers: 2);
        var console = _cluster.StartGatedJob();
        await _cluster.AwaitStatusAsync(status => Assert.Contains(status.Jobs, j => j.ChunksDone > 0), Timeouts.Job);

        // SIGKILL: no goodbye from the client, only its connection dropping.
        console.Kill();

        await _cluster.AwaitStatusAsync(status => Assert.Empty(status.Jobs), Timeouts.Job);
        new JobGate(_cluster).Open();
        var next = await _cluster.RunConsoleAsync("map", "x => x + 1", "--range", "0..1000", "--reduce", "sum");
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal("500500", next.LastLine);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();
}
