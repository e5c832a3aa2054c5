using System.Diagnostics;
using System.Diagnostics.Metrics;
using ActorMap.Compute.Telemetry;
using BenchmarkDotNet.Attributes;

namespace ActorMap.Bench.Telemetry;

/// <summary>
/// The telemetry one chunk costs on its hot path, the calls the worker and router make per chunk
/// (started, busy up and down, duration, completed, elements, the chunk's span), with nobody
/// listening, with a MeterListener, and with a MeterListener and an ActivityListener that records.
/// </summary>
[MemoryDiagnoser]
public class ChunkTelemetryBenchmark
{
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static readonly KeyValuePair<string, object?> s_node = new(ActorMapTelemetry.NodeTag, "10.0.0.2:5000");
    private MeterListener? _meters;
    private ActivityListener? _traces;
    private long _sum;
    // What a RunChunk carries: a parent only while the Seed's job has a span, i.e. someone listens.
    private string? _traceParent;

    [Params("none", "meter", "meter+traces")]
    public string Listening { get; set; } = "none";

    [GlobalSetup]
    public void Setup()
    {
        if (Listening != "none")
        {
            _meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == ActorMapTelemetry.Name)
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _meters.SetMeasurementEventCallback<long>((_, value, _, _) => _sum += value);
            _meters.SetMeasurementEventCallback<double>((_, value, _, _) => _sum += (long)value);
            _meters.Start();
        }
        if (Listening == "meter+traces")
        {
            _traceParent = TraceParent;
            _traces = new ActivityListener
            {
                ShouldListenTo = source => source.Name == ActorMapTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(_traces);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _meters?.Dispose();
        _traces?.Dispose();
    }

    /// <summary>The same chunk's timing with no telemetry call at all: what OneChunk adds is the difference.</summary>
    [Benchmark(Baseline = true)]
    public long NoTelemetry()
    {
        var previous = Activity.Current;
        var clock = Stopwatch.GetTimestamp();
        var duration = Stopwatch.GetElapsedTime(clock);
        Activity.Current = previous;
        return _sum + duration.Ticks;
    }

    /// <summary>What a chunk does for telemetry, worker and router side, in the order they do it.</summary>
    [Benchmark]
    public long OneChunk()
    {
        var previous = Activity.Current;
        var activity = ActorMapTelemetry.StartChunk(_traceParent, "10.0.0.2:5000", 7, 1_000);
        ActorMapTelemetry.ChunksStarted.Add(1, s_node);
        ActorMapTelemetry.WorkersBusy.Add(1, s_node);
        var clock = Stopwatch.GetTimestamp();
        var duration = Stopwatch.GetElapsedTime(clock);
        ActorMapTelemetry.WorkersBusy.Add(-1, s_node);
        ActorMapTelemetry.ChunkDuration.Record(duration.TotalSeconds, s_node);
        if (activity is not null)
        {
            activity.Stop();
            Activity.Current = previous;
        }
        ActorMapTelemetry.ChunksCompleted.Add(1, s_node);
        ActorMapTelemetry.ElementsProcessed.Add(1_000, s_node);
        return _sum + duration.Ticks;
    }
}
