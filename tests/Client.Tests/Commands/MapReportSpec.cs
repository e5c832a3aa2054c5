using System.Text.RegularExpressions;
using ActorMap.Client.Tests.Support;

namespace ActorMap.Client.Tests.Commands;

public partial class MapReportSpec
{
    [Fact]
    public async Task Map_Report_WritesTheHtmlAndTheSummaryLineGivesSpeedUpAndEfficiency()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => x < 5 ? x : -x", "--range", "0..2000", "--chunk-size", "100", "--workers", "2", "--report", "job.html");

        Assert.True(result.ExitCode == 0, result.ToString());
        var html = File.ReadAllText(cli.PathOf("job.html"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("x =&gt; x &lt; 5 ? x : -x", html, StringComparison.Ordinal);
        Assert.Contains("<canvas id=\"stream\"", html, StringComparison.Ordinal);
        Assert.Matches(SpeedUp(), result.Stderr);
    }

    [Fact]
    public async Task Map_WithoutReport_StillGivesSpeedUpAndEfficiencyAndWritesNoFile()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => x", "--range", "0..100");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(SpeedUp(), result.Stderr);
        Assert.Empty(Directory.GetFiles(cli.WorkingDirectory, "*.html"));
    }

    [Fact]
    public async Task Map_FailingJob_StillWritesItsReport()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => 10 / (x - 7)", "--range", "0..20", "--chunk-size", "5", "--report", "failed.html");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Element 7: System.DivideByZeroException", File.ReadAllText(cli.PathOf("failed.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing/job.html", "--report: directory '")]
    [InlineData(".", "is a directory")]
    public async Task Map_BadReportPath_ExitsWith2BeforeTheJobRuns(string report, string message)
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => x", "--range", "0..10", "--report", report);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Map_ReportWhereNoFileCanBeCreated_ExitsWith2()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        using var cli = new Cli();

        // Not even root creates a file in /proc.
        var result = await cli.RunAsync("map", "x => x", "--range", "0..10", "--report", "/proc/actormap-report.html");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--report: cannot write '/proc/actormap-report.html'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_OnTheClusterWithABadReportPath_ExitsWith2WithoutCallingTheSeed()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => x", "--range", "0..10", "--seed", "127.0.0.1:1", "--report", "missing/job.html");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--report: directory '", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("seed", result.Stderr, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"; speed-up \d+\.\d\d, efficiency \d+ %")]
    private static partial Regex SpeedUp();
}
