using System.Text.RegularExpressions;
using ActorMap.Compute.Telemetry;

namespace ActorMap.Compute.Tests.Telemetry;

public partial class ReportHtmlSpec
{
    [Fact]
    public void WriteHtml_WritesOneFileThatFetchesNothing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"actormap-report-{Guid.NewGuid():N}.html");
        try
        {
            JobReportSpec.Sample().WriteHtml(path);

            var html = File.ReadAllText(path);
            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.DoesNotContain("http://", html);
            Assert.DoesNotContain("https://", html);
            Assert.Empty(ExternalReference().Matches(html));
            Assert.DoesNotContain("<link", html);
            Assert.DoesNotContain("@import", html);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ToHtml_CarriesTheSpansLanesAndNumbersAsData()
    {
        var html = JobReportSpec.Sample().ToHtml();

        // chunk 2 on lane 2 (b:1 worker-1) from 30 ms for 60 ms, done, elements 20 to 29.
        Assert.Contains("2,2,30,60,0,20,10", html);
        Assert.Contains("[\"b:1\",\"worker-1\"]", html);
        Assert.Contains("1.90 (busy time / wall time)", html);
        Assert.Contains("63.3 % (speed-up / 3 workers)", html);
        Assert.Contains("65.0 %", html);
        Assert.Contains("<canvas id=\"stream\"", html);
    }

    [Fact]
    public void ToHtml_EscapesTheFunctionTextInThePageAndInTheData()
    {
        const string function = "x => x < 3 ? \"</script><script>alert(1)</script>\" : \"<b>&amp;\"";

        var html = JobReportSpec.Sample(function).ToHtml();

        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("<b>&amp;", html);
        Assert.Contains("x =&gt; x &lt; 3 ? &quot;&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;", html);
        // Two script elements of our own, and no other closes.
        Assert.Equal(2, Regex.Matches(html, "</script>").Count);
    }

    [Fact]
    public void ToHtml_OfAFailedJob_ShowsTheElementItsErrorAndTheEscapedTrace()
    {
        var html = JobReportSpec.Sample(failure: new JobFailureView(17, "System.DivideByZeroException", "Attempted to divide by zero.", "akka.tcp://c@10.0.0.2:5000/user/worker-1", "at <lambda>(Int64 x)")).ToHtml();

        Assert.Contains("Element 17: System.DivideByZeroException: Attempted to divide by zero.", html);
        Assert.Contains("at &lt;lambda&gt;(Int64 x)", html);
        Assert.Contains("class=\"outcome failed\"", html);
    }

    [Fact]
    public void ToHtml_OfAnEmbeddedJob_SaysWhyUploadAndDownloadAreZero()
    {
        Assert.Contains("there was no upload or download", JobReportSpec.Sample().ToHtml());
    }

    [Fact]
    public void ToHtml_OfTenThousandChunks_StaysCompact()
    {
        var spans = Enumerable.Range(0, 10_000)
            .Select(i => new ChunkSpan(i, i * 100L, 100, $"10.0.0.{i % 3}:5000", $"worker-{i % 4}", TimeSpan.FromMilliseconds(i), TimeSpan.FromMilliseconds(3.25), ChunkOutcome.Done))
            .ToList();
        var report = new JobReport(1, "x => x", 1_000_000, 10_000, 12, DateTimeOffset.UnixEpoch, "succeeded", null,
            new JobPhases(TimeSpan.Zero, TimeSpan.FromSeconds(10), TimeSpan.Zero, true), spans, [], new JobCounters(0, 0, 10_000, 0, 0, 0, 1_000_000));

        var html = report.ToHtml();

        Assert.Equal(12, report.Lanes.Count);
        Assert.InRange(html.Length, 1, 600_000);
    }

    [GeneratedRegex("""(src|href)\s*=\s*["']?[a-z]+:""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
