using ActorMap.Compute.Telemetry;

namespace ActorMap.Bench.Shipping;

/// <summary>
/// What a job's report says of the function's own cost, as the workers timed their chunks: the
/// per-element time inside the workers, with no network, scheduling or result transfer in it.
/// </summary>
internal static class WorkerTime
{
    /// <summary>
    /// Nanoseconds per element of every done chunk but each worker's first: a shipped job's first
    /// chunk on a node also loads the function (and a first job fetches it), which is the per-job
    /// cost measured apart, not the per-element one; the local pool's first chunk is left out alike.
    /// <paramref name="lateHalf"/>: only the second half of each worker's chunks, once the JIT has
    /// had the job's first half to bring the function's code to its optimised tier.
    /// </summary>
    public static IEnumerable<double> NanosecondsPerElement(JobReport report, bool lateHalf)
    {
        var any = false;
        foreach (var lane in report.Spans.Where(s => s.Outcome == ChunkOutcome.Done).GroupBy(s => (s.Node, s.Worker)))
        {
            var chunks = lane.OrderBy(s => s.Start).ToArray();
            foreach (var span in chunks.Skip(lateHalf ? chunks.Length / 2 : 1))
            {
                any = true;
                yield return span.Duration.TotalNanoseconds / span.Elements;
            }
        }
        if (!any)
        {
            throw new InvalidOperationException($"job {report.JobId}: too few chunks to leave each worker's first out");
        }
    }

    /// <summary>
    /// The median chunk's per-element time: a chunk that another process's burst or a GC pause
    /// slowed (the machine is shared) moves it less than it moves a mean.
    /// </summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>The job's first chunk to start, in ms: on a node, the one that loads the shipped function.</summary>
    public static double FirstChunkMilliseconds(JobReport report) =>
        report.Spans.Where(s => s.Outcome == ChunkOutcome.Done).MinBy(s => s.Start)!.Duration.TotalMilliseconds;
}
