using ActorMap.Compute.Telemetry;
using Proto = ActorMap.Messages.Compute;

namespace ActorMap.Hosting.Wire;

/// <summary>
/// A <see cref="JobReport"/> in compute.proto's form and back: attempts as parallel packed arrays,
/// nodes and workers as lane indexes, at most <see cref="MaxSpans"/> attempts (the rest counted).
/// </summary>
internal static class JobReportWire
{
    /// <summary>About 30 bytes each: 100,000 attempts stay within the client's 8 MiB message limit.</summary>
    public const int MaxSpans = 100_000;

    public static Proto.JobReport ToWire(JobReport report)
    {
        var wire = new Proto.JobReport
        {
            JobId = report.JobId, Function = report.Function, Elements = report.Elements, Chunks = report.Chunks, Workers = report.Workers,
            StartedUnixMs = report.StartedAt.ToUnixTimeMilliseconds(), Outcome = report.Outcome,
            UploadTicks = report.Phases.Upload.Ticks, ComputeTicks = report.Phases.Compute.Ticks, DownloadTicks = report.Phases.Download.Ticks,
            ChunksDone = report.Counters.ChunksDone, Retries = report.Counters.Retries, Redispatched = report.Counters.Redispatched,
            LateResultsDropped = report.Counters.LateResultsDropped, ElementsDone = report.Counters.ElementsDone,
            SpansDropped = report.SpansDropped + Math.Max(0, report.Spans.Count - MaxSpans),
        };
        var lanes = new Dictionary<WorkerLane, int>();
        foreach (var lane in report.Lanes)
        {
            lanes[lane] = lanes.Count;
            wire.LaneNodes.Add(lane.Node);
            wire.LaneWorkers.Add(lane.Worker);
        }
        var count = Math.Min(report.Spans.Count, MaxSpans);
        for (var i = 0; i < count; i++)
        {
            var span = report.Spans[i];
            wire.SpanChunk.Add(span.Chunk);
            wire.SpanFirstElement.Add(span.FirstElement);
            wire.SpanElements.Add(span.Elements);
            wire.SpanLane.Add(lanes.TryGetValue(new WorkerLane(span.Node, span.Worker), out var lane) ? lane : -1);
            wire.SpanStartTicks.Add(span.Start.Ticks);
            wire.SpanDurationTicks.Add(span.Duration.Ticks);
            wire.SpanOutcome.Add((int)span.Outcome);
        }
        if (report.Failure is { } failure)
        {
            wire.Failed = true;
            wire.FailureElementIndex = failure.ElementIndex;
            wire.FailureType = failure.ErrorType;
            wire.FailureMessage = failure.Message;
            wire.FailureWorker = failure.Worker;
            wire.FailureStackTrace = failure.StackTrace;
        }
        return wire;
    }

    /// <summary>
    /// The report as the Seed sent it, with <paramref name="extraDownload"/> (what the client saw
    /// of the result's arrival after the report) added to its download phase.
    /// </summary>
    /// <exception cref="FormatException">The parallel arrays differ in length, or a lane index is out of range.</exception>
    public static JobReport FromWire(Proto.JobReport wire, TimeSpan extraDownload = default)
    {
        var count = wire.SpanChunk.Count;
        if (wire.SpanFirstElement.Count != count || wire.SpanElements.Count != count || wire.SpanLane.Count != count
            || wire.SpanStartTicks.Count != count || wire.SpanDurationTicks.Count != count || wire.SpanOutcome.Count != count
            || wire.LaneNodes.Count != wire.LaneWorkers.Count)
        {
            throw new FormatException("a job report whose attempts or lanes do not line up");
        }
        var lanes = new WorkerLane[wire.LaneNodes.Count];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = new WorkerLane(wire.LaneNodes[i], wire.LaneWorkers[i]);
        }
        var spans = new ChunkSpan[count];
        for (var i = 0; i < count; i++)
        {
            var lane = wire.SpanLane[i];
            var (node, worker) = (uint)lane < (uint)lanes.Length ? (lanes[lane].Node, lanes[lane].Worker)
                : throw new FormatException($"a job report's attempt {i} names lane {lane} of {lanes.Length}");
            var outcome = wire.SpanOutcome[i] is >= 0 and <= (int)ChunkOutcome.Redispatched ? (ChunkOutcome)wire.SpanOutcome[i] : ChunkOutcome.Failed;
            spans[i] = new ChunkSpan(wire.SpanChunk[i], wire.SpanFirstElement[i], wire.SpanElements[i], node, worker,
                Ticks(wire.SpanStartTicks[i]), Ticks(wire.SpanDurationTicks[i]), outcome);
        }
        var failure = wire.Failed
            ? new JobFailureView(wire.FailureElementIndex, wire.FailureType, wire.FailureMessage, wire.FailureWorker, wire.FailureStackTrace)
            : null;
        var phases = new JobPhases(Ticks(wire.UploadTicks), Ticks(wire.ComputeTicks), Ticks(wire.DownloadTicks) + extraDownload, false);
        var counters = new JobCounters(Math.Max(0, wire.Chunks - wire.ChunksDone), 0, wire.ChunksDone, wire.Retries, wire.Redispatched,
            wire.LateResultsDropped, wire.ElementsDone);
        return new JobReport(wire.JobId, wire.Function, wire.Elements, wire.Chunks, wire.Workers,
            DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(wire.StartedUnixMs, 0, 253402300799999)), wire.Outcome,
            failure, phases, spans, lanes, counters, wire.SpansDropped);
    }

    private static TimeSpan Ticks(long ticks) => ticks > 0 ? TimeSpan.FromTicks(ticks) : TimeSpan.Zero;
}
