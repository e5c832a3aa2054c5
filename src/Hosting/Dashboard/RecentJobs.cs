using ActorMap.Hosting.Jobs;

namespace ActorMap.Hosting.Dashboard;

/// <summary>
/// The last <see cref="Kept"/> jobs that ended on this Seed, newest first, for the jobs panel.
/// Only the newest <see cref="KeptWithTaskStream"/> keep their recorder (up to 200,000 spans
/// each, tens of MB): older ones keep their row alone, frozen when they move down. Thread-safe.
/// </summary>
internal sealed class RecentJobs
{
    public const int Kept = 20;

    public const int KeptWithTaskStream = 5;

    private readonly Lock _gate = new();
    private readonly LinkedList<RecentJob> _jobs = new();

    public void Add(ClusterJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_gate)
        {
            _jobs.AddFirst(new RecentJob(job.Id, job, null));
            var position = 0;
            for (var entry = _jobs.First; entry is not null; entry = entry.Next, position++)
            {
                if (position >= KeptWithTaskStream && entry.Value.Job is { } old)
                {
                    // The recorder is read once more, for the row, and then let go.
                    entry.Value = new RecentJob(old.Id, null, JobViews.Of(old, ended: true, DateTimeOffset.UtcNow));
                }
            }
            while (_jobs.Count > Kept)
            {
                _jobs.RemoveLast();
            }
        }
    }

    public IReadOnlyList<RecentJob> Snapshot()
    {
        lock (_gate)
        {
            return [.. _jobs];
        }
    }
}

/// <summary>An ended job: with its <see cref="ClusterJob"/> (and task stream) while recent enough, else its frozen row.</summary>
internal sealed record RecentJob(long Id, ClusterJob? Job, JobView? Row);
