using ActorMap.MultiNode.Tests.Support;
using Xunit.Abstractions;

namespace ActorMap.MultiNode.Tests;

/// <summary>
/// The split-brain resolver's choices (static-quorum on the seed role, stable-after 5 s), with
/// real processes: the Seed's side always survives, and a WorkerNode cut off from it is downed
/// and exits 1, so a restart policy brings it back as a new incarnation.
/// </summary>
[Trait("Category", "MultiNode")]
public sealed class DowningSpec(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ClusterFixture _cluster = new(output);

    [Fact]
    public async Task A_WorkerNode_frozen_past_the_failure_detector_must_be_downed_and_exit_1_when_it_runs_again()
    {
        var workers = await _cluster.StartClusterAsync(workers: 2);
        var frozen = workers[1];

        await frozen.Process.FreezeAsync();
        // Unreachable after the failure detector's pause, downed once that held for stable-after.
        await _cluster.AwaitStatusAsync(status =>
            Assert.True(status.MemberOf(frozen) is null, $"{frozen} is still a member: {status}"), Timeouts.Membership + Timeouts.Membership);
        await frozen.Process.ResumeAsync();
        var exitCode = await frozen.WaitForExitAsync(Timeouts.Shutdown + Timeouts.Membership);

        Assert.True(exitCode == 1, $"{frozen} exited with {exitCode}; its last lines:\n{frozen.Output.Tail()}");
        var status = await _cluster.StatusAsync();
        Assert.True(status.MemberOf(workers[0]) is { IsUp: true, Reachable: true }, $"{workers[0]} is not Up: {status}");
    }

    [Fact]
    public async Task The_Seed_must_survive_every_worker_dying_at_once_and_take_new_ones()
    {
        var workers = await _cluster.StartClusterAsync(workers: 2);

        foreach (var worker in workers)
        {
            worker.Kill();
        }
        // keep-majority would have the lone Seed down itself here (1 of 3 members left).
        await _cluster.AwaitStatusAsync(status =>
        {
            Assert.Single(status.Members);
            Assert.True(status.MemberOf(_cluster.Seed!) is { IsUp: true, Reachable: true }, $"the seed is not Up: {status}");
        }, Timeouts.Membership + Timeouts.Membership);
        var newcomer = await _cluster.StartWorkerAsync();
        await _cluster.AwaitStatusAsync(status =>
            Assert.True(status.MemberOf(newcomer) is { IsUp: true, Workers: 2 }, $"{newcomer} is not Up with its workers: {status}"), Timeouts.Membership);
        var result = await _cluster.RunConsoleAsync("map", "x => x * 2", "--range", "0..1000", "--reduce", "sum");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("999000", result.Stdout.Trim().Split('\n')[^1]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();
}
