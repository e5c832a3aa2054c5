using ActorMap.Client.Output;
using ActorMap.Messages.Compute;
using Spectre.Console.Testing;

namespace ActorMap.Client.Tests.Commands.Status;

/// <summary>One frame of <c>status --watch</c>, rendered into a TestConsole and read as text.</summary>
public sealed class StatusRendererSpec
{
    private static readonly DateTimeOffset s_at = new(2026, 12, 2, 15, 4, 5, TimeSpan.Zero);

    private static string Render(StatusReply reply, bool unicode = true)
    {
        using var console = new TestConsole().Width(160);
        console.Profile.Capabilities.Unicode = unicode;
        console.Write(StatusRenderer.Render(reply, "127.0.0.1:4080", s_at));
        return console.Output;
    }

    private static string LineWith(string text, string needle) =>
        text.Split('\n').Single(l => l.Contains(needle, StringComparison.Ordinal));

    [Fact]
    public void Render_Members_ShowsAMemberARowWithEveryColumn()
    {
        var reply = StatusReplies.SeedOnly();
        reply.Members.Add(StatusReplies.Member(StatusReplies.Worker, "worker", workers: 4, chunks: 1234, uptime: 187, reachable: false));

        var text = Render(reply);

        var seed = LineWith(text, StatusReplies.SeedHost);
        Assert.Contains($"{StatusReplies.SeedHost} (leader)", seed, StringComparison.Ordinal);
        Assert.Matches(@"seed\s+Up\s+yes\s+2\s+0\s+12s", seed);
        Assert.Matches(@"worker\s+Up\s+NO\s+4\s+1,234\s+3m 07s", LineWith(text, StatusReplies.WorkerHost));
        Assert.DoesNotContain($"{StatusReplies.WorkerHost} (leader)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Header_CountsMembersAndWorkersNamesTheClusterAndSaysWhenAndHowToStop()
    {
        var text = Render(StatusReplies.WithWorker());

        Assert.Contains("Seed 127.0.0.1:4080 (cluster akka.tcp://actormap): 2 members, 6 workers", text, StringComparison.Ordinal);
        Assert.Contains("updated 15:04:05 UTC; Ctrl+C to stop", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MembersOfDifferentSystems_ShowsWholeAddresses()
    {
        var reply = StatusReplies.SeedOnly();
        reply.Members.Add(StatusReplies.Member("akka.ssl.tcp://actormap@10.0.0.9:4053", "worker", workers: 1, chunks: 0, uptime: 0));

        var text = Render(reply);

        Assert.Contains($"{StatusReplies.Seed} (leader)", text, StringComparison.Ordinal);
        Assert.Contains("akka.ssl.tcp://actormap@10.0.0.9:4053", text, StringComparison.Ordinal);
        Assert.Contains("Seed 127.0.0.1:4080: 2 members", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_In80Columns_KeepsEachAddressAndEveryHeadingWhole()
    {
        using var console = new TestConsole();
        var reply = StatusReplies.WithWorker();
        reply.Members.Add(StatusReplies.Member("akka.tcp://actormap@172.18.0.12:4053", "worker", workers: 16, chunks: 123_456, uptime: 86_400 * 3, status: "Leaving"));

        console.Write(StatusRenderer.Render(reply, "seed:4080", s_at));

        Assert.Equal(80, console.Profile.Width);
        var text = console.Output;
        Assert.All(console.Lines, line => Assert.True(line.TrimEnd().Length < 80, line));
        Assert.Contains($"{StatusReplies.SeedHost} (leader)", text, StringComparison.Ordinal);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(text, @"172\.18\.0\.12:4053\s+worker\s+Leaving\s+yes\s+16\s+123,456\s+3d 00h"), text);
        Assert.Matches(@"ADDRESS\s+ROLES\s+STATUS\s+REACHABLE\s+WORKERS\s+CHUNKS\s+UPTIME", text);
    }

    [Fact]
    public void Render_RunningJob_ShowsElementsPercentChunksAndABarFilledToMatch()
    {
        var text = Render(StatusReplies.WithJob(done: 5_000, total: 10_000, chunksDone: 5), unicode: false);

        var job = LineWith(text, "job 7");
        Assert.Contains("5,000/10,000 elements", job, StringComparison.Ordinal);
        Assert.Contains("50.0%", job, StringComparison.Ordinal);
        Assert.Contains("5/10 chunks", job, StringComparison.Ordinal);
        Assert.Contains(new string('#', 12) + new string('-', 12), job, StringComparison.Ordinal);
        Assert.Contains("1 job running:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AlmostDoneJob_ShowsNeitherAFullBarNor100Percent()
    {
        var job = LineWith(Render(StatusReplies.WithJob(done: 9_999, total: 10_000), unicode: false), "job 7");

        Assert.Contains("99.9%", job, StringComparison.Ordinal);
        Assert.Contains(new string('#', 23) + "-", job, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_JobWhoseSizeIsNotKnownYet_Shows0PercentNotNaN()
    {
        var job = LineWith(Render(StatusReplies.WithJob(done: 0, total: 0, chunks: 0), unicode: false), "job 7");

        Assert.Contains("0.0%", job, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", job, StringComparison.Ordinal);
        Assert.Contains(new string('-', 24), job, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoJobs_SaysSo()
    {
        var text = Render(StatusReplies.WithWorker());

        Assert.Contains("no jobs running", text, StringComparison.Ordinal);
        Assert.Contains("chunks re-dispatched from lost nodes: 0; late results dropped: 0", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59.9, "59s")]
    [InlineData(60, "1m 00s")]
    [InlineData(3_599, "59m 59s")]
    [InlineData(3_600 * 5 + 120, "5h 02m")]
    [InlineData(86_400 * 2 + 3_600 * 4, "2d 04h")]
    public void Uptime_Seconds_ShowsTheTwoLargestUnits(double seconds, string expected) =>
        Assert.Equal(expected, StatusRenderer.Uptime(seconds));
}
