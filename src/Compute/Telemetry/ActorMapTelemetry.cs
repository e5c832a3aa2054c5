using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ActorMap.Compute.Telemetry;

/// <summary>
/// ActorMap's one <see cref="Meter"/> and one <see cref="ActivitySource"/>, both named "ActorMap",
/// for OpenTelemetry (or any listener) to subscribe to. With nobody listening an instrument's Add
/// is a check of an empty subscription list, and no Activity is created, so nothing here builds a
/// string or allocates on the per-chunk path unless someone asked for it.
/// </summary>
internal static class ActorMapTelemetry
{
    public const string Name = "ActorMap";

    /// <summary>The tag naming the node ("host:port") an instrument's measurement came from.</summary>
    public const string NodeTag = "node";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> ChunksStarted =
        Meter.CreateCounter<long>("actormap.chunks.started", "{chunk}", "Chunk attempts a worker began");

    public static readonly Counter<long> ChunksCompleted =
        Meter.CreateCounter<long>("actormap.chunks.completed", "{chunk}", "Chunks whose result the job accepted");

    public static readonly Counter<long> ChunksFailed =
        Meter.CreateCounter<long>("actormap.chunks.failed", "{chunk}", "Chunk attempts whose function threw");

    public static readonly Counter<long> ChunksRedispatched =
        Meter.CreateCounter<long>("actormap.chunks.redispatched", "{chunk}", "Chunks taken back from a lost worker to run elsewhere");

    public static readonly Counter<long> LateResultsDropped =
        Meter.CreateCounter<long>("actormap.chunks.late_results_dropped", "{chunk}", "Results from a worker that no longer held the chunk");

    public static readonly Histogram<double> ChunkDuration =
        Meter.CreateHistogram<double>("actormap.chunk.duration", "s", "How long a worker ran one chunk");

    public static readonly Counter<long> ElementsProcessed =
        Meter.CreateCounter<long>("actormap.elements.processed", "{element}", "Elements of accepted chunk results");

    public static readonly Counter<long> Jobs =
        Meter.CreateCounter<long>("actormap.jobs", "{job}", "Jobs that ended, by outcome (succeeded, failed, cancelled)");

    public static readonly UpDownCounter<long> WorkersBusy =
        Meter.CreateUpDownCounter<long>("actormap.workers.busy", "{worker}", "Workers running a chunk now");

    public static readonly Counter<long> WireBytes =
        Meter.CreateCounter<long>("actormap.wire.bytes", "By", "Bytes of ActorMap messages between nodes, by direction (in, out)");

    /// <summary>
    /// Starts the job's span, or returns null when nobody listens. Activity.Current is left as it
    /// was: the span is ended by the job's actors, not by the caller's flow.
    /// </summary>
    public static Activity? StartJob(long jobId, long elements, int chunks, int workers)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        var previous = Activity.Current;
        var activity = Source.StartActivity("actormap.job", ActivityKind.Internal);
        Activity.Current = previous;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("actormap.job.id", jobId);
            activity.SetTag("actormap.job.elements", elements);
            activity.SetTag("actormap.job.chunks", chunks);
            activity.SetTag("actormap.job.workers", workers);
        }
        return activity;
    }

    /// <summary>The W3C traceparent of <paramref name="activity"/>, what a chunk carries to its worker.</summary>
    public static string? TraceParentOf(Activity? activity) =>
        activity is null ? null
            : $"00-{activity.TraceId.ToHexString()}-{activity.SpanId.ToHexString()}-{((activity.ActivityTraceFlags & ActivityTraceFlags.Recorded) != 0 ? "01" : "00")}";

    /// <summary>A chunk's span on its worker, child of the job's; null unless someone listens and the chunk carries a parent.</summary>
    public static Activity? StartChunk(string? traceParent, string node, int chunk, int elements)
    {
        if (traceParent is null || !Source.HasListeners() || !ActivityContext.TryParse(traceParent, null, out var parent))
        {
            return null;
        }
        var activity = Source.StartActivity("actormap.chunk", ActivityKind.Internal, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(NodeTag, node);
            activity.SetTag("actormap.chunk.index", chunk);
            activity.SetTag("actormap.chunk.elements", elements);
        }
        return activity;
    }

    /// <summary>"host:port" of an Akka address; "local" for a system without remoting.</summary>
    public static string NodeName(Akka.Actor.Address address) =>
        address.Host is { } host ? $"{host}:{address.Port}" : "local";
}
