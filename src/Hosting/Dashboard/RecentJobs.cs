using ActorMap.Hosting.Jobs;

namespace ActorMap.Hosting.Dashboard;

/// <summary>
/// The last <see cref="Kept"/> jobs that ended on this Seed, newest first, for the dashboard's
/// jobs panel and task streams. Holds each job's progress and recorder, not its input or results
/// (those go with the job's end). Thread-safe.
/// </summary>
internal sealed class RecentJobs
{
    public const int Kept = 20;

    private readonly Lock _gate = new();
    private readonly LinkedList<ClusterJob> _jobs = new();

    public void Add(ClusterJob job)
    {
        lock (_gate)
        {
            _jobs.AddFirst(job);
            if (_jobs.Count > Kept)
            {
                _jobs.RemoveLast();
            }
        }
    }

    public IReadOnlyList<ClusterJob> Snapshot()
    {
        lock (_gate)
        {
            return [.. _jobs];
        }
    }
}
