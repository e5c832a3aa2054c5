using ActorMap.Hosting.Jobs;
using Akka.Actor;
using Akka.Hosting;

namespace ActorMap.Hosting.Dashboard;

/// <summary>Builds the overview the page shows: the cluster from /user/status, the jobs from the Seed's job lists.</summary>
internal sealed class DashboardOverview(SeedJobs seed, IRequiredActor<StatusView> status, DashboardAddress address, TimeProvider time)
{
    private static readonly TimeSpan s_statusTimeout = TimeSpan.FromSeconds(5);

    public async Task<Overview> BuildAsync(CancellationToken cancellationToken)
    {
        MembersView? cluster = null;
        string? error = null;
        try
        {
            cluster = await status.ActorRef.Ask<MembersView>(MembersRequest.Instance, s_statusTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            // The page shows it; the jobs below are still worth showing.
            error = "the Seed's status actor did not answer within 5 s";
        }
        var now = time.GetUtcNow();
        return new Overview(now, address.Url, cluster, error,
            [.. seed.Jobs.All.Select(j => JobViews.Of(j, ended: false, now))],
            [.. seed.Jobs.Recent.Snapshot().Select(r => r.Job is { } job ? JobViews.Of(job, ended: true, now) : r.Row!)]);
    }

    /// <summary>A running or recent job by id, or null (also for an ended job that no longer keeps its task stream).</summary>
    public (ClusterJob Job, bool Ended)? Find(long id)
    {
        foreach (var job in seed.Jobs.All)
        {
            if (job.Id == id)
            {
                return (job, false);
            }
        }
        foreach (var recent in seed.Jobs.Recent.Snapshot())
        {
            if (recent is { Job: { } job } && job.Id == id)
            {
                return (job, true);
            }
        }
        return null;
    }
}
