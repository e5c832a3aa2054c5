using ActorMap.Compute.Telemetry;

namespace ActorMap.Compute.Tests.Telemetry;

public class JobReportSpec
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    //   node a: worker-1 ██ done 0-40 ██ done 40-80     worker-2 ▓▓ failed 0-50
    //   node b: worker-1 ░ re-dispatched 10-30 ░ ██ done 30-90
    internal static JobReport Sample(string function = "x => x * x", JobPhases? phases = null, JobFailureView? failure = null) =>
        new(3, function, elements: 40, chunks: 4, workers: 3, DateTimeOffset.UnixEpoch, failure is null ? "succeeded" : "failed", failure,
            phases ?? new JobPhases(TimeSpan.Zero, Ms(100), TimeSpan.Zero, true),
            [
                new ChunkSpan(0, 0, 10, "a:1", "worker-1", Ms(0), Ms(40), ChunkOutcome.Done),
                new ChunkSpan(1, 10, 10, "a:1", "worker-2", Ms(0), Ms(50), ChunkOutcome.Failed),
                new ChunkSpan(2, 20, 10, "b:1", "worker-1", Ms(10), Ms(20), ChunkOutcome.Redispatched),
                new ChunkSpan(1, 10, 10, "a:1", "worker-1", Ms(40), Ms(40), ChunkOutcome.Done),
                new ChunkSpan(2, 20, 10, "b:1", "worker-1", Ms(30), Ms(60), ChunkOutcome.Done),
            ],
            [new WorkerLane("a:1", "worker-1"), new WorkerLane("b:1", "worker-1"), new WorkerLane("a:1", "worker-2")],
            new JobCounters(1, 0, 3, 1, 1, 0, 30));

    [Fact]
    public void SpeedUp_IsTheWorkersBusyTimeOverTheWallTime_LeavingOutReDispatchedAttempts()
    {
        var report = Sample();

        Assert.Equal(Ms(190), report.BusyTime);
        Assert.Equal(1.9, report.SpeedUp, 9);
        Assert.Equal(1.9 / 3, report.Efficiency, 9);
    }

    [Fact]
    public void Wall_OfAClusterJob_IsUploadComputeAndDownloadTogether()
    {
        var report = Sample(phases: new JobPhases(Ms(50), Ms(100), Ms(40), false));

        Assert.Equal(Ms(190), report.Wall);
        Assert.Equal(1.0, report.SpeedUp, 9);
    }

    [Fact]
    public void Nodes_AreBusyTimeOverWallTimesTheNodesWorkers()
    {
        var nodes = Sample().Nodes;

        Assert.Equal(["a:1", "b:1"], nodes.Select(n => n.Node));
        Assert.Equal([2, 1], nodes.Select(n => n.Workers));
        Assert.Equal(0.65, nodes[0].Utilisation, 9);
        Assert.Equal(0.60, nodes[1].Utilisation, 9);
    }

    [Fact]
    public void Lanes_AreGroupedByNodeInTheOrderNodesFirstAppear()
    {
        Assert.Equal([new WorkerLane("a:1", "worker-1"), new WorkerLane("a:1", "worker-2"), new WorkerLane("b:1", "worker-1")], Sample().Lanes);
    }

    [Fact]
    public void Histogram_CountsEveryDoneChunkOnceInEqualBucketsUpToTheLongest()
    {
        var histogram = Sample().Histogram;

        Assert.Equal(20, histogram.Count);
        Assert.Equal(3, histogram.Sum(b => b.Chunks));
        Assert.Equal(Ms(3), histogram[0].To);
        Assert.Equal(2, histogram[13].Chunks);
        Assert.Equal(1, histogram[^1].Chunks);
    }

    [Fact]
    public void From_ARecorder_CarriesItsShapeSpansAndOutcome_AsAnInProcessJob()
    {
        var time = new ManualTime();
        var recorder = new JobRecorder(9, "x => x + 1", time);
        recorder.Begin(20, 2, 1);
        recorder.WorkerAdded("local", "$a");
        recorder.Dispatched(0);
        recorder.Finished(0, 0, 10, "local", "$a", time.UtcNow, Ms(30), done: true);
        time.Advance(Ms(60));
        recorder.Ended("succeeded");

        var report = JobReport.From(recorder);

        Assert.Equal((9L, "x => x + 1", 20L, 2, 1, "succeeded"), (report.JobId, report.Function, report.Elements, report.Chunks, report.Workers, report.Outcome));
        Assert.True(report.Phases.IsInProcess);
        Assert.Equal((TimeSpan.Zero, Ms(60), TimeSpan.Zero), (report.Phases.Upload, report.Phases.Compute, report.Phases.Download));
        Assert.Equal(0.5, report.SpeedUp, 9);
        Assert.Single(report.Spans);
    }
}
