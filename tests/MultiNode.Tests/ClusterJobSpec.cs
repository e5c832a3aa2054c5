using System.Globalization;
using System.Text.Json;
using ActorMap.MultiNode.Tests.Support;
using Xunit.Abstractions;

namespace ActorMap.MultiNode.Tests;

//   seed (127.0.0.1:port0) ── /user/jobs ◄── actormap map ... --seed
//        ├─ worker-1   (2 workers)
//        ├─ worker-2   (2 workers)
//        └─ worker-3   (started mid-job, in one spec)
/// <summary>A job run by the console on a cluster of real Seed and WorkerNode processes.</summary>
[Trait("Category", "MultiNode")]
public sealed class ClusterJobSpec(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ClusterFixture _cluster = new(output);

    [Fact]
    public async Task Cluster_must_show_three_members_Up_and_spread_a_job_over_both_workers()
    {
        var workers = await _cluster.StartClusterAsync(workers: 2);
        var before = await _cluster.StatusAsync();
        Assert.Equal(3, before.Members.Count);
        Assert.All(before.Members, m => Assert.True(m.IsUp && m.Reachable, $"{m} is not Up and reachable"));
        Assert.NotNull(before.MemberOf(_cluster.Seed!));
        Assert.NotNull(before.Leader);

        var result = await _cluster.RunConsoleAsync("map", "x => x * 2", "--range", "0..200000", "--chunk-size", "1000");

        Assert.True(result.ExitCode == 0, result.ToString());
        var results = result.Int64Results();
        Assert.Equal(200_000, results.Length);
        for (var i = 0; i < results.Length; i++)
        {
            Assert.True(results[i] == 2L * i, $"element {i} is {results[i]}, not {2L * i}");
        }
        var after = await _cluster.StatusAsync();
        foreach (var worker in workers)
        {
            var member = after.MemberOf(worker);
            Assert.True(member is { ChunksDone: > 0 }, $"{worker} ran no chunk: {after}");
        }
    }

    [Fact]
    public async Task Cluster_must_give_chunks_to_a_worker_that_joins_mid_job()
    {
        await _cluster.StartClusterAsync(workers: 2);
        var gate = new JobGate(_cluster);

        var console = _cluster.StartGatedJob();
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
        var after = await _cluster.StatusAsync();
        Assert.True(after.MemberOf(third) is { ChunksDone: > 0 }, $"{third} ran no chunk: {after}");
    }

    [Fact]
    public async Task Cluster_must_return_every_result_once_and_in_order_when_a_worker_is_killed_mid_job() =>
        await KillAWorkerMidJobAsync(input => ["--range", $"0..{JobGate.Elements}"]);

    [Fact]
    public async Task Cluster_must_return_every_element_of_an_input_file_once_and_in_order_when_a_worker_is_killed_mid_job() =>
        // Element i is i, as for the range, but here every chunk carries its elements, so a
        // re-dispatched chunk must carry the right ones again.
        await KillAWorkerMidJobAsync(input =>
        {
            File.WriteAllText(input, "[" + string.Join(",", Enumerable.Range(0, JobGate.Elements)) + "]");
            return ["--input", input];
        });

    private async Task KillAWorkerMidJobAsync(Func<string, string[]> inputArguments)
    {
        var workers = await _cluster.StartClusterAsync(workers: 2);
        var victim = workers[1];
        var gate = new JobGate(_cluster);
        var input = inputArguments(Path.Combine(_cluster.WorkDirectory, "gated.json"));

        var console = _cluster.StartConsole(["map", JobGate.Function, .. input, "--chunk-size", JobGate.ChunkSize]);
        // The victim has finished chunks (their results are in) and holds gated ones when it dies.
        await _cluster.AwaitChunksDoneByAsync(victim);
        victim.Kill();
        // The gate stays shut until the seed has seen the loss: what the victim held is lost for
        // certain, and the job is still running, so those chunks can only come back re-dispatched.
        await _cluster.AwaitStatusAsync(status =>
        {
            Assert.True(status.MemberOf(victim) is null or { Reachable: false }, $"{victim} is still reachable: {status}");
            Assert.NotEmpty(status.Jobs);
        }, Timeouts.Membership);
        gate.Open();
        var result = await ClusterFixture.FinishAsync(console, Timeouts.Job);

        Assert.True(result.ExitCode == 0, result.ToString());
        JobGate.AssertComplete(result);
    }

    [Fact]
    public async Task Cluster_must_stream_through_an_input_larger_than_one_16_MiB_frame()
    {
        var workers = await _cluster.StartClusterAsync(workers: 2);
        // 2.5 million longs of up to 10 digits: about 27 MB of JSON, 20 MB packed, either way more
        // than akka.remote's 16 MiB maximum-frame-size. Scattered values, so a chunk's results
        // at another chunk's place show.
        const int elements = 2_500_000;
        static long Value(long i) => i * 2_654_435_761L % 1_000_000_007L - 500_000_000L;
        var input = Path.Combine(_cluster.WorkDirectory, "large.json");
        await using (var writer = new StreamWriter(input))
        {
            await writer.WriteAsync('[');
            for (var i = 0L; i < elements; i++)
            {
                if (i > 0)
                {
                    await writer.WriteAsync(',');
                }
                await writer.WriteAsync(Value(i).ToString(CultureInfo.InvariantCulture));
            }
            await writer.WriteAsync(']');
        }
        Assert.True(new FileInfo(input).Length > 16 * 1024 * 1024, $"{input} is only {new FileInfo(input).Length} bytes");
        // To a file: a 27 MB stdout line would end up in the spec's output.
        var output = Path.Combine(_cluster.WorkDirectory, "large-results.json");

        var result = await _cluster.RunConsoleAsync("map", "x => x + 1", "--input", input, "--output", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        var results = JsonSerializer.Deserialize<long[]>(await File.ReadAllBytesAsync(output));
        Assert.NotNull(results);
        Assert.Equal(elements, results.Length);
        for (var i = 0; i < results.Length; i++)
        {
            Assert.True(results[i] == Value(i) + 1, $"element {i} is {results[i]}, not {Value(i) + 1}");
        }
        // Chunks of the input crossed the network to both WorkerNodes, not only to the seed's workers.
        var after = await _cluster.StatusAsync();
        foreach (var worker in workers)
        {
            Assert.True(after.MemberOf(worker) is { ChunksDone: > 0 }, $"{worker} ran no chunk: {after}");
        }
    }

    [Fact]
    public async Task Cluster_must_print_a_reduced_value_as_the_last_line()
    {
        await _cluster.StartClusterAsync(workers: 2);

        var result = await _cluster.RunConsoleAsync("map", "x => x * x", "--range", "0..1000000", "--reduce", "sum", "--chunk-size", "10000");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("333332833333500000", result.LastLine);
    }

    [Fact]
    public async Task Cluster_must_fail_a_job_with_exit_1_naming_the_element_and_the_exception()
    {
        await _cluster.StartClusterAsync(workers: 2);

        var result = await _cluster.RunConsoleAsync("map", "x => 100 / (x - 500)", "--range", "0..1000", "--chunk-size", "100");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("element 500", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("DivideByZeroException", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_the_console_mid_job_must_cancel_the_job_on_the_cluster()
    {
        await _cluster.StartClusterAsync(workers: 2);
        var console = _cluster.StartGatedJob();
        await _cluster.AwaitStatusAsync(status => Assert.Contains(status.Jobs, j => j.ChunksDone > 0), Timeouts.Job);

        // The gate stays shut: the job can only end by being cancelled.
        await console.TerminateAsync();
        var exit = await console.WaitForExitAsync(Timeouts.Job);

        Assert.NotEqual(0, exit);
        await _cluster.AwaitStatusAsync(status => Assert.Empty(status.Jobs), Timeouts.Job);
    }

    [Fact]
    public async Task Ctrl_C_in_the_console_must_cancel_the_job_on_the_cluster_and_exit_130()
    {
        await _cluster.StartClusterAsync(workers: 2);
        var gate = new JobGate(_cluster);
        var console = _cluster.StartGatedJob();
        await _cluster.AwaitStatusAsync(status => Assert.Contains(status.Jobs, j => j.ChunksDone > 0), Timeouts.Job);

        // The gate stays shut: the job can only end by being cancelled.
        await console.InterruptAsync();
        var result = await ClusterFixture.FinishAsync(console, Timeouts.Job);

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.True(result.StderrLines.Contains("actormap: cancelled"), result.ToString());
        Assert.DoesNotContain("internal error", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("error:", result.Stderr, StringComparison.Ordinal);
        await _cluster.AwaitStatusAsync(status => Assert.Empty(status.Jobs), Timeouts.Job);

        // Nothing of the cancelled job holds the workers: once its gated chunks may finish, the next job runs.
        gate.Open();
        var next = await _cluster.RunConsoleAsync("map", "x => x * 2", "--range", "0..1000", "--reduce", "sum");
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal("999000", next.LastLine);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();
}
