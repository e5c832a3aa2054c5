using System.Globalization;
using ActorMap.MultiNode.Tests.Support;
using Xunit.Abstractions;

namespace ActorMap.MultiNode.Tests;

/// <summary>`actormap-worker health`, what docker-compose's healthcheck and Kubernetes' probes run, against a real node.</summary>
[Trait("Category", "MultiNode")]
public sealed class HealthCommandSpec(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ClusterFixture _cluster = new(output);

    [Fact]
    public async Task Health_must_exit_0_only_while_the_local_node_is_an_Up_member()
    {
        var config = "actormap.health.port = " + ClusterFixture.FreePort().ToString(CultureInfo.InvariantCulture);
        await _cluster.StartSeedAsync();

        var before = await _cluster.RunNodeCommandAsync(BuiltAssemblies.Worker, config, "health");
        Assert.True(before.ExitCode == 1, $"health with no node exited {before.ExitCode}: {before}");
        Assert.Contains("no node answers", before.ToString(), StringComparison.Ordinal);

        var worker = await _cluster.StartWorkerAsync(config: config);
        await _cluster.AwaitStatusAsync(s => Assert.True(s.MemberOf(worker) is { IsUp: true }, $"{worker} is not Up: {s}"), Timeouts.Membership);
        // The Seed sees Up first; the worker learns it by gossip a moment later.
        var up = await Eventually.AwaitAssertAsync(async () =>
        {
            var result = await _cluster.RunNodeCommandAsync(BuiltAssemblies.Worker, config, "health");
            Assert.True(result.ExitCode == 0, $"health of an Up node exited {result.ExitCode}: {result}");
            return result;
        }, Timeouts.Membership);
        var live = await _cluster.RunNodeCommandAsync(BuiltAssemblies.Worker, config, "health", "--live");

        Assert.Equal("Up", up.LastLine);
        Assert.True(live.ExitCode == 0, $"health --live exited {live.ExitCode}: {live}");
    }

    [Fact]
    public async Task A_WorkerNode_whose_seed_address_does_not_resolve_must_fail_at_start_naming_seed_nodes()
    {
        await _cluster.StartSeedAsync();

        var result = await _cluster.RunNodeCommandAsync(BuiltAssemblies.Worker, null, "--seed", "no-such-seed.invalid:4053");

        Assert.True(result.ExitCode == 2, $"exited {result.ExitCode}: {result}");
        Assert.Contains("akka.cluster.seed-nodes = 'no-such-seed.invalid' does not resolve", result.ToString(), StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();
}
