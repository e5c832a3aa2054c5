using System.Diagnostics;
using ActorMap.Compute.Jobs;
using Akka.Event;

namespace ActorMap.Compute.Telemetry;

/// <summary>
/// What a job's end means for its telemetry: the jobs counter, the job's span, its recorder, and
/// the report the caller asked for. Run by the job's coordinator before the caller's task
/// completes, so a report file is there when the awaited call returns.
/// </summary>
internal static class JobEnd
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static void Record(JobSpec job, string outcome, Exception? error, ILoggingAdapter log)
    {
        ActorMapTelemetry.Jobs.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (job.Activity is { } activity)
        {
            var previous = Activity.Current;
            activity.SetTag("actormap.job.outcome", outcome);
            if (outcome != Succeeded)
            {
                activity.SetStatus(ActivityStatusCode.Error, error?.Message ?? outcome);
            }
            activity.Stop();
            Activity.Current = previous;
        }
        if (job.Recorder is not { } recorder)
        {
            return;
        }
        recorder.Ended(outcome, error is null ? null : JobFailureView.From(error));
        if (job.Options.ReportPath is null && job.Options.OnReport is null)
        {
            return;
        }
        var report = JobReport.From(recorder);
        if (job.Options.ReportPath is { } path)
        {
            try
            {
                report.WriteHtml(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                // The job's results matter more than its report: they still go to the caller.
                log.Warning("Job {0}: cannot write its report to {1}: {2}", job.JobId, path, e.Message);
            }
        }
        try
        {
            job.Options.OnReport?.Invoke(report);
        }
        catch (Exception e)
        {
            log.Warning("Job {0}: its OnReport callback threw {1}: {2}", job.JobId, e.GetType().FullName, e.Message);
        }
    }
}
