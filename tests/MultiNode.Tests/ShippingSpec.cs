using ActorMap.MultiNode.Tests.Support;
using Xunit.Abstractions;

namespace ActorMap.MultiNode.Tests;

//   seed (127.0.0.1:port0, workers of its own) ◄── HarmonicApp --seed / actormap map --assembly --seed
//        ├─ worker-1   (2 workers, a store of its own)
//        └─ worker-2   (2 workers, a store of its own)
/// <summary>
/// Compiled code of a user's own, shipped: samples/HarmonicApp and the console's --assembly print
/// on a cluster of real processes exactly what they print embedded.
/// </summary>
[Trait("Category", "MultiNode")]
public sealed class ShippingSpec(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ClusterFixture _cluster = new(output);

    [Fact]
    public async Task The_sample_must_print_the_same_bytes_embedded_and_on_the_cluster()
    {
        var embedded = await _cluster.RunProgramAsync(BuiltAssemblies.HarmonicApp);
        Assert.True(embedded.ExitCode == 0, embedded.ToString());
        // One line per job: a run that printed nothing would otherwise match an equally empty one.
        Assert.Equal(6, embedded.StdoutLines.Count(l => l.Length > 0));

        var workers = await _cluster.StartClusterAsync(workers: 2);
        var clustered = await _cluster.RunProgramAsync(BuiltAssemblies.HarmonicApp, "--seed", _cluster.Seed!.ApiEndpoint);

        Assert.True(clustered.ExitCode == 0, clustered.ToString());
        Assert.Equal(embedded.Stdout, clustered.Stdout);
        await AssertEveryWorkerNodeRanChunksAsync(workers);
    }

    [Fact]
    public async Task The_console_must_print_the_same_for_an_assembly_method_embedded_and_on_the_cluster()
    {
        string[] map = ["map", "--assembly", BuiltAssemblies.HarmonicLibrary, "--function", "Harmonic.Series.DenominatorDigits",
            "--range", "0..5000", "--reduce", "Harmonic.Series.Longest"];
        var embedded = await _cluster.RunProgramAsync(BuiltAssemblies.Console, map);
        Assert.True(embedded.ExitCode == 0, embedded.ToString());
        // H(x mod 120 + 1) for x up to 5000 covers every term count: H(120)'s denominator has 50 digits.
        Assert.Equal("50", embedded.LastLine);

        var workers = await _cluster.StartClusterAsync(workers: 2);
        var clustered = await _cluster.RunConsoleAsync(map);

        Assert.True(clustered.ExitCode == 0, clustered.ToString());
        Assert.Equal(embedded.Stdout, clustered.Stdout);
        await AssertEveryWorkerNodeRanChunksAsync(workers);
    }

    // The Seed runs workers of its own: chunks on the WorkerNodes are what proves that they
    // fetched the shipped assemblies and loaded them.
    private async Task AssertEveryWorkerNodeRanChunksAsync(NodeProcess[] workers)
    {
        var status = await _cluster.StatusAsync();
        foreach (var worker in workers)
        {
            Assert.True(status.MemberOf(worker) is { ChunksDone: > 0 }, $"{worker} ran no chunk: {status}");
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();
}
