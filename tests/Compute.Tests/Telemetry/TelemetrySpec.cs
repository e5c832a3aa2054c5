using System.Collections.Concurrent;
using System.Diagnostics;
using ActorMap.Compute.Telemetry;

namespace ActorMap.Compute.Tests.Telemetry;

/// <summary>Alone: the meter is process-wide, so another spec's jobs would count here.</summary>
[CollectionDefinition(nameof(TelemetrySpec), DisableParallelization = true)]
public sealed class TelemetryCollection;

[Collection(nameof(TelemetrySpec))]
public sealed class TelemetrySpec : Akka.TestKit.Xunit2.TestKit
{
    private readonly MapPool _pool;

    public TelemetrySpec() => _pool = MapPool.Create(Sys, new MapOptions { Workers = 3 });

    [Fact]
    public async Task Instruments_must_count_a_jobs_chunks_elements_and_its_success()
    {
        using var log = new MeasurementLog();

        await _pool.MapAsync(new LongRange(0, 10_000), x => x + 1, new MapOptions { Workers = 3, ChunkSize = 250 });

        Assert.Equal(40, log["actormap.chunks.completed"]);
        Assert.Equal(10_000, log["actormap.elements.processed"]);
        Assert.Equal(40, log["actormap.chunks.started"]);
        Assert.Equal(40, log.Count("actormap.chunk.duration"));
        Assert.Equal(1, log["actormap.jobs/succeeded"]);
        Assert.Equal(0, log["actormap.chunks.failed"]);
        // Every worker that began a chunk ended it.
        Assert.Equal(0, log["actormap.workers.busy"]);
    }

    [Fact]
    public async Task Instruments_must_count_a_failing_jobs_failed_chunks_and_its_failure()
    {
        using var log = new MeasurementLog();

        await Assert.ThrowsAsync<MapJobException>(() =>
            _pool.MapAsync(new LongRange(0, 100), x => x == 42 ? throw new InvalidOperationException("no") : x, new MapOptions { ChunkSize = 10, RetriesPerChunk = 1 }));

        Assert.Equal(2, log["actormap.chunks.failed"]);
        Assert.Equal(1, log["actormap.jobs/failed"]);
        Assert.Equal(0, log["actormap.jobs/succeeded"]);
    }

    [Fact]
    public async Task Chunk_spans_must_be_children_of_their_jobs_span()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ActorMapTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var test = new ActivitySource("spec").StartActivity("spec") ?? new Activity("spec").Start();
        var trace = test.TraceId;

        await _pool.MapAsync(new LongRange(0, 1_000), x => x, new MapOptions { ChunkSize = 100 });
        test.Stop();

        var mine = stopped.Where(a => a.TraceId == trace).ToList();
        var job = Assert.Single(mine, a => a.OperationName == "actormap.job");
        var chunks = mine.Where(a => a.OperationName == "actormap.chunk").ToList();
        Assert.Equal(test.SpanId, job.ParentSpanId);
        Assert.Equal(10, chunks.Count);
        Assert.All(chunks, chunk => Assert.Equal(job.SpanId, chunk.ParentSpanId));
        Assert.Equal(Enumerable.Range(0, 10), chunks.Select(c => (int)c.GetTagItem("actormap.chunk.index")!).Order());
        Assert.All(chunks, chunk => Assert.Equal(100, chunk.GetTagItem("actormap.chunk.elements")));
        Assert.Equal("succeeded", job.GetTagItem("actormap.job.outcome"));
    }

    [Fact]
    public void Nobody_listening_must_mean_no_job_span_and_no_trace_parent()
    {
        Assert.False(ActorMapTelemetry.Source.HasListeners());

        Assert.Null(ActorMapTelemetry.StartJob(1, 10, 1, 1));
        Assert.Null(ActorMapTelemetry.StartChunk("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "local", 0, 10));
    }
}
