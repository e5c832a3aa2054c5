using ActorMap.MultiNode.Tests.Support;
using Xunit.Abstractions;

namespace ActorMap.MultiNode.Tests;

//   seed (127.0.0.1:port0, workers of its own) ◄── HarmonicApp --seed / actormap map --assembly --seed
//        ├─ worker-1   (2 workers, a store of its own)
//        ├─ worker-2   (2 workers, a store of its own)
//        └─ worker-3   (started mid-job, in one spec)
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

    [Fact]
    public async Task A_WorkerNode_that_joins_mid_job_must_fetch_the_shipped_assembly_and_run_chunks()
    {
        await _cluster.StartClusterAsync(workers: 2);
        var gate = new JobGate(_cluster);
        // Pull, not round-robin: round-robin would wait for the turn of a worker stuck at the gate
        // before the newcomer got anything (docs/shipping.md, limits).
        var console = _cluster.StartConsole("map", "--assembly", BuiltAssemblies.GatedJob, "--function", "GatedJob.Gate.Hold",
            "--range", $"0..{JobGate.Elements}", "--chunk-size", JobGate.ChunkSize, "--balancing", "pull");
        await _cluster.AwaitStatusAsync(status => Assert.Contains(status.Jobs, j => j.ChunksDone > 0), Timeouts.Job);

        var third = await _cluster.StartWorkerAsync();
        await _cluster.AwaitStatusAsync(status =>
        {
            Assert.True(status.MemberOf(third) is { IsUp: true, Workers: > 0 }, $"{third} is not Up with workers yet: {status}");
            Assert.NotEmpty(status.Jobs);
        }, Timeouts.Membership);
        gate.Open();
        var result = await ClusterFixture.FinishAsync(console, Timeouts.Job);

        Assert.True(result.ExitCode == 0, result.ToString());
        JobGate.AssertComplete(result);
        // Its store was empty when it joined: a chunk done there is a chunk of fetched code.
        var after = await _cluster.StatusAsync();
        Assert.True(after.MemberOf(third) is { ChunksDone: > 0 }, $"{third} ran no chunk: {after}");
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
