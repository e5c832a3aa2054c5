using ActorMap.Compute.Telemetry;
using ActorMap.Hosting.Jobs;

namespace ActorMap.Hosting.Dashboard;

/// <summary>A job's row in the jobs panel, from its recorder, or from its progress alone before the recorder exists.</summary>
internal static class JobViews
{
    /// <summary>Past this a lambda is cut: the panel shows its start.</summary>
    public const int FunctionShownLength = 160;

    public static JobView Of(ClusterJob job, bool ended, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        var progress = job.Progress;
        if (job.Recorder is not { } recorder)
        {
            return new JobView(job.Id, "", ended ? "ended" : "starting",
                progress?.TotalElements ?? 0, progress?.ElementsDone ?? 0, progress?.TotalChunks ?? 0, progress?.ChunksDone ?? 0,
                null, null, null, null, null, null, null, null, null, null, null);
        }
        var counters = recorder.Counters();
        var endedAt = recorder.EndedAt;
        var elapsed = ((endedAt ?? now) - recorder.StartedAt).TotalSeconds;
        var done = Math.Max(counters.ElementsDone, progress?.ElementsDone ?? 0);
        double? rate = elapsed > 0 ? Math.Round(done / elapsed, 1) : null;
        double? eta = endedAt is null && rate > 0 ? Math.Round((recorder.Elements - done) / rate.Value, 1) : null;
        var failure = recorder.Failure is { } f
            ? new FailureView(f.ElementIndex, f.ErrorType, f.Message, f.Worker, f.StackTrace)
            : null;
        return new JobView(job.Id, Shorten(recorder.Function), recorder.Outcome ?? (ended ? "ended" : "running"),
            recorder.Elements, done, recorder.Chunks, counters.ChunksDone,
            counters.ChunksQueued, counters.ChunksInFlight, counters.Retries, counters.Redispatched, counters.LateResultsDropped,
            recorder.Workers, recorder.StartedAt, endedAt, rate, eta, failure);
    }

    /// <summary>The lambda's first characters, whitespace runs folded, with an ellipsis when cut.</summary>
    public static string Shorten(string function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var folded = string.Join(' ', function.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return folded.Length <= FunctionShownLength ? folded : folded[..(FunctionShownLength - 1)] + "\u2026";
    }
}
