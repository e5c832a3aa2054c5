using ActorMap.Compute.Telemetry;
using ActorMap.Hosting.Jobs;

namespace ActorMap.Hosting.Dashboard;

/// <summary>
/// One job's task stream for one browser: every <see cref="Interval"/> at most one message,
/// carrying every span recorded since the last one and the job's counters. A job finishing
/// 50,000 chunks a second thus costs the browser a few messages a second, never 50,000, and a
/// page opened late gets the whole history in its first message.
/// </summary>
/// <param name="tick">Completes when the next message is due: every <see cref="Interval"/> on the Seed, on cue in specs.</param>
internal sealed class TaskStream(Func<(ClusterJob Job, bool Ended)?> find, TimeProvider time, Func<CancellationToken, Task> tick)
{
    /// <summary>At most about 7 messages a second: smooth enough to watch, cheap to draw.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(150);

    /// <summary>The Seed's stream: a message at most every <see cref="Interval"/>.</summary>
    public TaskStream(Func<(ClusterJob Job, bool Ended)?> find, TimeProvider time)
        : this(find, time, cancellationToken => Task.Delay(Interval, time, cancellationToken))
    {
    }

    /// <summary>Sends batches to <paramref name="send"/> (event name, payload) until the job has ended and all its spans are sent.</summary>
    public async Task RunAsync(Func<string, object, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var sent = 0;
        JobView? last = null;
        while (true)
        {
            if (find() is not { } found)
            {
                await send("gone", new { message = "no task stream of this job on this Seed: running jobs and the last 5 that ended keep theirs" }, cancellationToken).ConfigureAwait(false);
                return;
            }
            var (job, ended) = found;
            var recorder = job.Recorder;
            var view = JobViews.Of(job, ended, time.GetUtcNow());
            var spans = recorder is null || recorder.SpanCount <= sent ? [] : recorder.SpansFrom(sent);
            var finished = ended || recorder?.Outcome is not null;
            // The rate and ETA move with the clock alone: not worth a message by themselves.
            var counts = view with { ElementsPerSecond = null, EtaSeconds = null };
            if (spans.Count > 0 || last is null || counts != last)
            {
                await send("spans", new TaskBatch(view, sent, [.. spans.Select(SpanView.Of)]), cancellationToken).ConfigureAwait(false);
                sent += spans.Count;
                last = counts;
            }
            // Ended and nothing left to send: the recorder takes no more spans once its job ended.
            if (finished && (recorder is null || recorder.SpanCount <= sent))
            {
                await send("end", view, cancellationToken).ConfigureAwait(false);
                return;
            }
            await tick(cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>One task-stream message: the job as it is now, and the spans from index <c>From</c> on.</summary>
internal sealed record TaskBatch(JobView Job, int From, IReadOnlyList<SpanView> Spans);

/// <summary>A chunk's attempt as the page draws it: times in milliseconds from the job's start.</summary>
internal sealed record SpanView(int Chunk, long FirstElement, int Elements, string Node, string Worker, double StartMs, double DurationMs, string Outcome)
{
    public static SpanView Of(ChunkSpan span) => new(span.Chunk, span.FirstElement, span.Elements, span.Node, span.Worker,
        Math.Round(span.Start.TotalMilliseconds, 2), Math.Round(span.Duration.TotalMilliseconds, 2), span.Outcome switch
        {
            ChunkOutcome.Done => "done",
            ChunkOutcome.Failed => "failed",
            _ => "redispatched",
        });
}
