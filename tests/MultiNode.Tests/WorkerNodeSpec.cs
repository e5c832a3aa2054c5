using ActorMap.MultiNode.Tests.Support;
using Xunit.Abstractions;

namespace ActorMap.MultiNode.Tests;

/// <summary>The actormap-worker process joining and leaving a real Seed.</summary>
[Trait("Category", "MultiNode")]
public sealed class WorkerNodeSpec(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ClusterFixture _cluster = new(output);

    [Fact]
    public async Task WorkerNode_must_leave_the_cluster_and_exit_0_on_SIGTERM()
    {
        var workers = await _cluster.StartClusterAsync(workers: 2);
        var leaving = workers[1];

        await leaving.TerminateAsync();
        var exitCode = await leaving.WaitForExitAsync(Timeouts.Shutdown);

        Assert.True(exitCode == 0, $"{leaving} exited with {exitCode}; its last lines:\n{leaving.Output.Tail()}");
        var status = await _cluster.AwaitStatusAsync(s =>
            Assert.True(s.MemberOf(leaving) is null, $"{leaving} is still listed: {s}"), Timeouts.Membership);
        Assert.Equal(2, status.Members.Count);
        Assert.True(status.MemberOf(workers[0]) is { IsUp: true, Reachable: true }, $"{workers[0]} is not Up: {status}");
        // Gracefully: the seed saw it leave, never had to detect it as unreachable.
        Assert.DoesNotContain(_cluster.Seed!.Output.Snapshot(), l => l.Text.Contains("Unreachable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WorkerNode_and_Seed_must_take_the_cluster_name_from_ACTORMAP_CLUSTER_NAME()
    {
        var seed = await _cluster.StartSeedAsync();
        var worker = await _cluster.StartWorkerAsync();

        await seed.WaitForLineAsync($"of cluster {_cluster.ClusterName} ", Timeouts.NodeStart);
        await worker.WaitForLineAsync($"of cluster {_cluster.ClusterName} ", Timeouts.NodeStart);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();
}
