using ActorMap.Compute.Telemetry;
using ActorMap.Hosting.Dashboard;
using ActorMap.Hosting.Jobs;

namespace ActorMap.Hosting.Tests.Dashboard;

/// <summary>The ended jobs the dashboard remembers: a bounded list, and fewer still with their spans.</summary>
public sealed class RecentJobsSpec
{
    [Fact]
    public void Add_PastTheBounds_KeepsTwentyRowsAndFiveTaskStreams()
    {
        var recent = new RecentJobs();

        for (var id = 1; id <= 25; id++)
        {
            var recorder = new JobRecorder(id, $"x => x + {id}");
            recorder.Begin(elements: 10, chunks: 1, workers: 1);
            recorder.Ended("succeeded");
            recent.Add(new ClusterJob(id) { Recorder = recorder });
        }

        var kept = recent.Snapshot();
        Assert.Equal(Enumerable.Range(6, RecentJobs.Kept).Reverse().Select(i => (long)i), kept.Select(r => r.Id));
        Assert.All(kept.Take(RecentJobs.KeptWithTaskStream), r => Assert.NotNull(r.Job));
        Assert.All(kept.Skip(RecentJobs.KeptWithTaskStream), r =>
        {
            Assert.Null(r.Job);
            Assert.Equal(("succeeded", $"x => x + {r.Id}"), (r.Row!.State, r.Row.Function));
        });
    }
}
