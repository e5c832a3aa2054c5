using System.Text.Json;
using ActorMap.Hosting.Dashboard;

namespace ActorMap.Hosting.Tests.Dashboard;

/// <summary>A job's lambda is whatever a client sent: it reaches the page as text, never as markup.</summary>
public sealed class DashboardEscapingSpec
{
    private const string Hostile = "x => \"</script><img src=x onerror=alert(1)>\" + x & 1";

    [Fact]
    public void Serialize_MarkupInALambda_WritesNoAngleBracketOrAmpersand()
    {
        var view = new JobView(1, JobViews.Shorten(Hostile), "running", 10, 0, 1, 0, null, null, null, null, null, null, null, null, null, null,
            new FailureView(3, "System.Exception", "<b>boom</b>", "worker-1", "at <x>"));

        var json = System.Text.Encoding.UTF8.GetString(DashboardJson.Serialize(view));

        Assert.DoesNotContain('<', json);
        Assert.DoesNotContain('>', json);
        Assert.DoesNotContain('&', json);
        // Still the same text once the page has parsed it.
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(Hostile, parsed.RootElement.GetProperty("function").GetString());
        Assert.Equal("<b>boom</b>", parsed.RootElement.GetProperty("failure").GetProperty("message").GetString());
    }

    [Fact]
    public void Shorten_LongLambda_CutsItWithAnEllipsisAndFoldsWhitespace()
    {
        var shortened = JobViews.Shorten("x =>\n    " + new string('a', 500));

        Assert.Equal(JobViews.FunctionShownLength, shortened.Length);
        Assert.StartsWith("x => aaa", shortened, StringComparison.Ordinal);
        Assert.EndsWith("\u2026", shortened, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("innerHTML")]
    [InlineData("outerHTML")]
    [InlineData("insertAdjacentHTML")]
    [InlineData("document.write")]
    [InlineData("eval(")]
    [InlineData("http://")]
    [InlineData("https://")]
    public void The_page_script_must_not_use(string what)
    {
        var (bytes, _) = DashboardAssets.Get("dashboard.js");
        // textContent only, and nothing fetched from elsewhere (no CDN, no external URL).
        Assert.DoesNotContain(what, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
