using ActorMap.MultiNode.Tests.Support;
using Xunit.Abstractions;

namespace ActorMap.MultiNode.Tests;

/// <summary>
/// ActorMap's downing (the Seed's side survives, stable-after shortened here), with
/// real processes: the Seed's side always survives, and a WorkerNode cut off from it is downed
/// and comes back as a new incarnation: in process by default, or by exiting 1 for a restart policy.
/// </summary>
[Trait("Category", "MultiNode")]
public sealed class DowningSpec(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ClusterFixture _cluster = new(output);

    [Fact]
    public async Task A_WorkerNode_frozen_past_the_failure_detector_must_be_downed_and_rejoin_as_a_new_incarnation_when_it_runs_again()
    {
        var workers = await _cluster.StartClusterAsync(workers: 2, config: ClusterFixture.FastFailureDetection);
        var frozen = workers[1];

        await FreezeUntilDownedAsync(frozen);
        await frozen.Process.ResumeAsync();
        await frozen.WaitForLineAsync("rejoining as a new incarnation", Timeouts.Membership);

        // Port 0: the new incarnation listens elsewhere, so the cluster counts three Up members again.
        await _cluster.AwaitStatusAsync(status =>
            Assert.True(status.Members.Count(m => m is { IsUp: true, Reachable: true }) == 3 && status.MemberOf(frozen) is null,
                $"{frozen} has not come back as a new incarnation: {status}"), Timeouts.Membership);
        var result = await _cluster.RunConsoleAsync("map", "x => x * 2", "--range", "0..1000", "--reduce", "sum");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("999000", result.LastLine);
    }

    [Fact]
    public async Task A_WorkerNode_that_is_never_welcomed_must_stop_retrying_its_join_and_exit_1_with_rejoin_off()
    {
        const string config = """
            akka.cluster.shutdown-after-unsuccessful-join-seed-nodes = 3s
            actormap.worker.rejoin.enabled = off
            """;
        var nobody = ClusterFixture.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = await _cluster.RunNodeCommandAsync(BuiltAssemblies.Worker, config, "--hostname", ClusterFixture.Loopback, "--port", "0", "--seed", $"127.0.0.1:{nobody}");

        Assert.True(result.ExitCode == 1, $"a worker whose Seed never answered exited {result.ExitCode}: {result}");
    }

    [Fact]
    public async Task A_downed_WorkerNode_with_rejoin_off_must_exit_1_for_its_restart_policy()
    {
        await _cluster.StartSeedAsync(ClusterFixture.FastFailureDetection);
        var frozen = await _cluster.StartWorkerAsync(config: ClusterFixture.FastFailureDetection + "actormap.worker.rejoin.enabled = off\n");
        await _cluster.AwaitStatusAsync(status => Assert.True(status.MemberOf(frozen) is { IsUp: true }, status.ToString()), Timeouts.Membership);

        await FreezeUntilDownedAsync(frozen);
        await frozen.Process.ResumeAsync();
        var exitCode = await frozen.WaitForExitAsync(Timeouts.Shutdown + Timeouts.Membership);

        Assert.True(exitCode == 1, $"{frozen} exited with {exitCode}; its last lines:\n{frozen.Output.Tail()}");
    }

    // Unreachable after the failure detector's pause, downed once that held for stable-after.
    private Task FreezeUntilDownedAsync(NodeProcess node) =>
        node.Process.FreezeAsync().ContinueWith(_ => _cluster.AwaitStatusAsync(status =>
            Assert.True(status.MemberOf(node) is null, $"{node} is still a member: {status}"), Timeouts.Membership + Timeouts.Membership)).Unwrap();

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
