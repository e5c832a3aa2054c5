using System.Diagnostics;
using ActorMap.Compute;
using ActorMap.Compute.Telemetry;
using ActorMap.Hosting.Client;
using ActorMap.Hosting.Tests.Support;
using ActorMap.Messages.Compute;
using JobReport = ActorMap.Compute.Telemetry.JobReport;

namespace ActorMap.Hosting.Tests;

//   seed (leader, gRPC endpoint, no workers of its own) ◄── worker node (2 workers) ; client ──gRPC──► seed
/// <summary>
/// Nodes in this process over loopback TCP: the Seed's endpoint, remote workers and the C# cluster
/// API. The Seed runs no workers, so every chunk crosses the wire.
/// </summary>
public sealed class ClusterJobSpec : IAsyncLifetime
{
    private readonly InProcessCluster _cluster = new();
    private ClusterMapPool _pool = null!;

    public async Task InitializeAsync()
    {
        await _cluster.StartSeedAndWorkerAsync(workers: 2);
        _pool = await ClusterMapPool.ConnectAsync(_cluster.SeedApi);
    }

    [Fact]
    public async Task Map_on_the_cluster_must_return_every_result_in_order_with_every_chunk_run_remotely()
    {
        var results = await _pool.MapAsync<long>("x => x * 2", new LongRange(0, 50_000), new MapOptions { ChunkSize = 500 });

        Assert.Equal(Enumerable.Range(0, 50_000).Select(i => i * 2L), results);
        await using var client = ClusterClient.Connect(_cluster.SeedApi);
        var status = await client.StatusAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Equal(0, status.Members.Single(m => m.Roles.Contains("seed")).ChunksDone);
        Assert.Equal(100, status.Members.Single(m => m.Roles.Contains("worker")).ChunksDone);
    }

    [Fact]
    public async Task MapReduce_on_the_cluster_must_fold_in_input_order()
    {
        var words = Enumerable.Range(0, 300).Select(i => $"w{i}").ToArray();

        var joined = await _pool.MapReduceAsync<string, string>("w => w + \",\"", words, "(a, b) => a + b", new MapOptions { ChunkSize = 7 });

        Assert.Equal(string.Concat(words.Select(w => w + ",")), joined);
    }

    [Fact]
    public async Task Rows_and_doubles_must_travel_to_the_workers()
    {
        long[][] rows = [[1, 5, 9], [4, 8, 2], [6, 6, 6]];

        var counts = await _pool.MapAsync<long[], int>("row => row.Count(v => v >= 4 && v <= 8)", rows, new MapOptions { ChunkSize = 1 });
        var halves = await _pool.MapAsync<double, double>("x => x / 2", new[] { 1.0, 3.0 }, new MapOptions { ChunkSize = 1 });

        Assert.Equal([1, 2, 3], counts);
        Assert.Equal([0.5, 1.5], halves);
    }

    [Fact]
    public async Task A_failing_element_must_reach_the_caller_naming_element_type_and_node()
    {
        var error = await Assert.ThrowsAsync<MapJobException>(() =>
            _pool.MapAsync<long>("x => 100 / (x - 500)", new LongRange(0, 1000), new MapOptions { ChunkSize = 100 }));

        Assert.Equal(500, error.ElementIndex);
        Assert.Equal("System.DivideByZeroException", error.ErrorType);
        Assert.StartsWith($"akka.tcp://{_cluster.ClusterName}@127.0.0.1:", error.Worker, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_larger_than_a_frame_must_fail_its_chunk_with_a_clear_error_instead_of_hanging()
    {
        var error = await Assert.ThrowsAsync<MapJobException>(() =>
            _pool.MapAsync<string>("x => new string('a', 20_000_000)", new LongRange(0, 2), new MapOptions { ChunkSize = 1, RetriesPerChunk = 1 }));

        Assert.Contains("cannot be sent back", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("maximum-frame-size", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_input_of_many_parts_must_arrive_whole_and_a_large_result_stream_back_in_ordered_parts()
    {
        await using var client = ClusterClient.Connect(_cluster.SeedApi);
        var input = Enumerable.Range(0, 600_000).Select(i => (long)i).ToArray();
        var parts = new List<byte[]>();
        var submit = new SubmitJob { FunctionSource = "x => x * 3", ChunkSize = 10_000, RetriesPerChunk = -1 };

        await client.RunAsync(submit, new Functions.Input.ListMapInput(Functions.Input.ElementKind.Long, input), null, null,
            CancellationToken.None, part => parts.Add(part.ToArray()));

        Assert.True(submit.InputParts > 1, $"expected the input in several parts, got {submit.InputParts + 1}");
        Assert.True(parts.Count > 1, $"expected several result parts, got {parts.Count}");
        var all = System.Text.Json.JsonSerializer.Deserialize<long[]>(parts.SelectMany(p => p).ToArray())!;
        Assert.Equal(input.Select(i => i * 3), all);
    }

    [Fact]
    public async Task Results_with_no_packed_form_must_cross_the_wire_as_JSON_NaN_included()
    {
        var pairs = await _pool.MapAsync<long, (long, double)>("x => (x, x == 1 ? double.NaN : x / 2.0)", new long[] { 0, 1, 2 }, new MapOptions { ChunkSize = 1 });

        Assert.Equal((0L, 0.0), pairs[0]);
        Assert.Equal(1L, pairs[1].Item1);
        Assert.True(double.IsNaN(pairs[1].Item2));
        Assert.Equal((2L, 1.0), pairs[2]);
    }

    [Fact]
    public async Task Many_jobs_in_a_row_on_one_connection_must_all_succeed()
    {
        // Each job is one gRPC stream on the same HTTP/2 connection; none may inherit the last one's state.
        for (var i = 0; i < 150; i++)
        {
            Assert.Equal(45L + (10 * i), await _pool.MapReduceAsync<long>($"x => x + {i}", new LongRange(0, 10), "sum", new MapOptions { ChunkSize = 5 }));
        }
    }

    [Fact]
    public async Task A_cluster_job_must_report_every_chunk_on_the_worker_node_count_it_in_the_meter_and_trace_it_across_nodes()
    {
        using var measurements = new Measurements();
        var stopped = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "ActorMap",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var path = Path.Combine(Path.GetTempPath(), $"actormap-cluster-report-{Guid.NewGuid():N}.html");
        JobReport? report = null;
        try
        {
            await _pool.MapAsync<long>("x => x + 1", new LongRange(0, 10_000), new MapOptions { ChunkSize = 1_000, ReportPath = path, OnReport = r => report = r });

            var worker = Akka.Cluster.Cluster.Get(_cluster.Nodes[1].System).SelfAddress;
            var workerNode = $"{worker.Host}:{worker.Port}";
            Assert.NotNull(report);
            Assert.Equal(("succeeded", 10_000L, 10, false), (report.Outcome, report.Elements, report.Chunks, report.Phases.IsInProcess));
            Assert.Equal(Enumerable.Range(0, 10), report.Spans.Where(s => s.Outcome == ChunkOutcome.Done).Select(s => s.Chunk).Order());
            Assert.All(report.Spans, s => Assert.Equal(workerNode, s.Node));
            Assert.Equal(["worker-1", "worker-2"], report.Lanes.Select(l => l.Worker).Order());
            Assert.Contains("x =&gt; x + 1", File.ReadAllText(path), StringComparison.Ordinal);

            Assert.Equal(10, measurements["actormap.chunks.completed"]);
            Assert.Equal(10_000, measurements["actormap.elements.processed"]);
            Assert.Equal(1, measurements["actormap.jobs/succeeded"]);
            Assert.True(measurements["actormap.wire.bytes/out"] > 0 && measurements["actormap.wire.bytes/in"] > 0);
            measurements.Observe();
            Assert.Equal(2, measurements["actormap.cluster.members/up"]);

            var job = Assert.Single(stopped, a => a.OperationName == "actormap.job");
            var chunks = stopped.Where(a => a.OperationName == "actormap.chunk").ToList();
            Assert.Equal(10, chunks.Count);
            Assert.All(chunks, chunk => Assert.Equal((job.TraceId, job.SpanId, workerNode), (chunk.TraceId, chunk.ParentSpanId, chunk.GetTagItem("node"))));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_failing_cluster_job_must_still_report_naming_the_element()
    {
        JobReport? report = null;

        await Assert.ThrowsAsync<MapJobException>(() =>
            _pool.MapAsync<long>("x => 100 / (x - 50)", new LongRange(0, 100), new MapOptions { ChunkSize = 10, OnReport = r => report = r }));

        Assert.Equal(("failed", 50L), (report!.Outcome, report.Failure!.ElementIndex));
        Assert.Contains(report.Spans, s => s is { Chunk: 5, Outcome: ChunkOutcome.Failed });
    }

    [Fact]
    public async Task A_lambda_that_does_not_compile_must_be_refused_as_bad_input() =>
        await Assert.ThrowsAsync<ArgumentException>(() => _pool.MapAsync<long>("x => x +", new LongRange(0, 10)));

    public async Task DisposeAsync()
    {
        await _pool.DisposeAsync();
        await _cluster.DisposeAsync();
    }
}
