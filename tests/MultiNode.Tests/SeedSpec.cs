using ActorMap.MultiNode.Tests.Support;
using Xunit.Abstractions;

namespace ActorMap.MultiNode.Tests;

/// <summary>The actormap-seed process as consoles see it.</summary>
[Trait("Category", "MultiNode")]
public sealed class SeedSpec(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ClusterFixture _cluster = new(output);

    [Fact]
    public async Task Seed_must_log_no_error_when_consoles_connect_ask_and_leave()
    {
        var seed = await _cluster.StartSeedAsync();

        await _cluster.StatusAsync();
        await _cluster.StatusAsync();
        // Each run has exited before the next starts, so the seed has seen the first two leave
        // (and logged whatever it logs about that) by the time the third has its answer.
        await _cluster.StatusAsync();

        var errors = seed.Output.Snapshot().Where(l => l.Text.Contains(" fail: ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, "the seed logged errors for consoles that did nothing wrong:\n" + string.Join('\n', errors));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();
}
