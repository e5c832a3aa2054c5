using ActorMap.Client.Commands;
using ActorMap.Client.Output;
using ActorMap.Messages.Compute;
using Grpc.Core;
using Spectre.Console.Testing;

namespace ActorMap.Client.Tests.Commands.Status;

/// <summary>
/// <c>status --watch</c>'s loop, fed by a scripted Seed and a refresh signal that fires at once:
/// whole sessions without a Seed and without waiting.
/// </summary>
public sealed class StatusWatchSpec
{
    private static readonly Func<CancellationToken, ValueTask<bool>> s_now = _ => ValueTask.FromResult(true);

    [Fact]
    public async Task RunAsync_SeedAnswersThenGoesAway_ShowsEveryReplyInOrderThenEndsWith1AndOneLine()
    {
        var replies = new[] { StatusReplies.SeedOnly(), StatusReplies.WithWorker(), StatusReplies.WithJob(1_000, 10_000) };
        var source = ScriptedStatusSource.Of(replies);
        var shown = new List<StatusReply>();

        var end = await new StatusWatch(source, s_now).RunAsync(shown.Add, CancellationToken.None);

        Assert.Equal(replies, shown);
        Assert.Equal(ExitCodes.JobFailed, end.ExitCode);
        Assert.Equal("error: the Seed at 127.0.0.1:4080 went away (Connection refused)", end.Error);
    }

    [Fact]
    public async Task RunAsync_SeedNeverAnswers_EndsWith1AndTheErrorStatusPrints()
    {
        var end = await new StatusWatch(ScriptedStatusSource.Of(), s_now).RunAsync(_ => Assert.Fail("nothing to show"), CancellationToken.None);

        Assert.Equal(ExitCodes.JobFailed, end.ExitCode);
        Assert.StartsWith("error: cannot reach the seed's client endpoint at 127.0.0.1:4080", end.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CtrlCWhileWaitingForTheNextRefresh_EndsWith0AndNoLine()
    {
        using var ctrlC = new CancellationTokenSource();
        var source = ScriptedStatusSource.Of(StatusReplies.SeedOnly(), StatusReplies.WithWorker(), StatusReplies.WithWorker());
        var refreshes = 0;
        ValueTask<bool> Refresh(CancellationToken token)
        {
            if (++refreshes == 2)
            {
                ctrlC.Cancel();
            }
            // As PeriodicTimer.WaitForNextTickAsync does once its token is cancelled.
            return token.IsCancellationRequested ? ValueTask.FromCanceled<bool>(token) : ValueTask.FromResult(true);
        }

        var end = await new StatusWatch(source, Refresh).RunAsync(_ => { }, ctrlC.Token);

        Assert.Equal(WatchEnd.Stopped, end);
        Assert.Equal(ExitCodes.Success, end.ExitCode);
        Assert.Equal(2, source.Calls);
    }

    [Fact]
    public async Task RunAsync_CtrlCDuringACall_EndsWith0EvenThoughGrpcReportsItsOwnCancelled()
    {
        using var ctrlC = new CancellationTokenSource();
        var source = new ScriptedStatusSource(
            _ => StatusReplies.SeedOnly(),
            _ =>
            {
                ctrlC.Cancel();
                throw new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "Call canceled by the client."));
            });

        var end = await new StatusWatch(source, s_now).RunAsync(_ => { }, ctrlC.Token);

        Assert.Equal(WatchEnd.Stopped, end);
    }

    [Fact]
    public async Task LiveStatus_MembersAppearAndAJobProgresses_RedrawsEachFrameThenLeavesTheLastOnScreen()
    {
        using var console = new TestConsole().Width(160);
        var source = ScriptedStatusSource.Of(
            StatusReplies.SeedOnly(), StatusReplies.WithWorker(), StatusReplies.WithJob(1_000, 10_000, 1), StatusReplies.WithJob(6_000, 10_000, 6));

        var end = await LiveStatus.ShowAsync(console, new StatusWatch(source, s_now), new FixedTime(), CancellationToken.None);

        // Without ANSI a TestConsole keeps every frame one after the other, so their order shows.
        var text = console.Output;
        // (the display draws its last frame once more as it ends: consecutive repeats are one frame).
        var frames = text.Split("Seed 127.0.0.1:4080 (", StringSplitOptions.None)[1..].Select(f => f.TrimEnd())
            .Aggregate(new List<string>(), (distinct, frame) =>
            {
                if (distinct.Count == 0 || distinct[^1] != frame)
                {
                    distinct.Add(frame);
                }
                return distinct;
            });
        Assert.True(frames.Count == 4, text);
        Assert.DoesNotContain(StatusReplies.WorkerHost, frames[0], StringComparison.Ordinal);
        Assert.Contains("1 member, 2 workers", frames[0], StringComparison.Ordinal);
        Assert.Contains(StatusReplies.WorkerHost, frames[1], StringComparison.Ordinal);
        Assert.Contains("no jobs running", frames[1], StringComparison.Ordinal);
        Assert.Contains("10.0%", frames[2], StringComparison.Ordinal);
        Assert.Contains("60.0%", frames[3], StringComparison.Ordinal);
        Assert.Contains("updated 15:04:05 UTC", frames[3], StringComparison.Ordinal);
        Assert.Equal(ExitCodes.JobFailed, end.ExitCode);
        Assert.Equal("error: the Seed at 127.0.0.1:4080 went away (Connection refused)", end.Error);
    }

    [Fact]
    public async Task LiveStatus_ConsoleWithoutAnsi_PrintsEachFrameWholeBelowTheLast()
    {
        using var console = new TestConsole().Width(160);
        console.Profile.Capabilities.Ansi = false;
        var source = ScriptedStatusSource.Of(StatusReplies.SeedOnly(), StatusReplies.WithWorker());

        var end = await LiveStatus.ShowAsync(console, new StatusWatch(source, s_now), new FixedTime(), CancellationToken.None);

        var headers = console.Lines.Where(l => l.StartsWith("Seed 127.0.0.1:4080 (", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, headers.Count);
        Assert.Contains("1 member,", headers[0], StringComparison.Ordinal);
        Assert.Contains("2 members,", headers[1], StringComparison.Ordinal);
        Assert.Equal(ExitCodes.JobFailed, end.ExitCode);
    }

    [Fact]
    public void StatusJson_Line_IsOneLineHoldingTheTimeAndTheStatusObject()
    {
        var line = StatusJson.Line(StatusReplies.WithJob(2_500, 10_000), new DateTimeOffset(2026, 12, 2, 15, 4, 5, 120, TimeSpan.Zero));

        Assert.DoesNotContain('\n', line);
        using var json = System.Text.Json.JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("2026-12-02T15:04:05.120Z", root.GetProperty("time").GetString());
        Assert.Equal(StatusReplies.Seed, root.GetProperty("leader").GetString());
        Assert.Equal(2, root.GetProperty("members").GetArrayLength());
        Assert.Equal(2_500, root.GetProperty("jobs")[0].GetProperty("elementsDone").GetInt64());
    }

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 12, 2, 15, 4, 5, TimeSpan.Zero);
    }
}
