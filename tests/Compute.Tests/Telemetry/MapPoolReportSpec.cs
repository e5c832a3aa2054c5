using ActorMap.Compute.Telemetry;

namespace ActorMap.Compute.Tests.Telemetry;

public sealed class MapPoolReportSpec : Akka.TestKit.Xunit2.TestKit
{
    private readonly MapPool _pool;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"actormap-report-{Guid.NewGuid():N}.html");

    public MapPoolReportSpec() => _pool = MapPool.Create(Sys, new MapOptions { Workers = 2 });

    [Fact]
    public async Task Map_must_hand_over_its_report_and_write_its_file_before_the_call_returns()
    {
        JobReport? report = null;

        await _pool.MapAsync(new LongRange(0, 1_000), x => x * 3, new MapOptions { ChunkSize = 100, ReportPath = _path, OnReport = r => report = r });

        Assert.NotNull(report);
        Assert.Equal(("succeeded", 1_000L, 10, 2), (report.Outcome, report.Elements, report.Chunks, report.Workers));
        Assert.Equal(Enumerable.Range(0, 10), report.Spans.Select(s => s.Chunk).Order());
        Assert.All(report.Spans, s => Assert.Equal((ChunkOutcome.Done, "local"), (s.Outcome, s.Node)));
        Assert.Equal(2, report.Lanes.Count);
        Assert.Equal(report.BusyTime.TotalSeconds / report.Wall.TotalSeconds, report.SpeedUp, 9);
        Assert.Contains("Func&lt;Int64, Int64&gt;", File.ReadAllText(_path));
    }

    [Fact]
    public async Task A_failing_job_must_still_report_naming_the_element()
    {
        JobReport? report = null;

        await Assert.ThrowsAsync<MapJobException>(() => _pool.MapAsync(new LongRange(0, 100), x => 10 / (x - 57),
            new MapOptions { ChunkSize = 10, RetriesPerChunk = 0, ReportPath = _path, OnReport = r => report = r }));

        Assert.Equal("failed", report!.Outcome);
        Assert.Equal(57, report.Failure!.ElementIndex);
        Assert.Equal("System.DivideByZeroException", report.Failure.ErrorType);
        Assert.Contains(report.Spans, s => s is { Chunk: 5, Outcome: ChunkOutcome.Failed });
        Assert.Contains("Element 57: System.DivideByZeroException", File.ReadAllText(_path));
    }

    [Fact]
    public async Task A_report_path_that_cannot_be_written_must_not_fail_the_job()
    {
        var missing = Path.Combine(_path, "no-such-directory", "report.html");

        var results = await _pool.MapAsync(new LongRange(0, 10), x => x, new MapOptions { ReportPath = missing });

        Assert.Equal(10, results.Length);
        Assert.False(File.Exists(missing));
    }

    protected override void Dispose(bool disposing)
    {
        File.Delete(_path);
        base.Dispose(disposing);
    }
}
