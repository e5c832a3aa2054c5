using ActorMap.Runtime.Actor;

namespace ActorMap.TestKit.Tests;

public class WithinSpec : TestKit
{
    [Fact]
    public void Within_WhenTheMessageArrivesInTime_Passes()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));

        var reply = Within(TimeSpan.FromSeconds(3), () =>
        {
            Send(echo, "ping");
            return ExpectMsg<string>();
        });

        Assert.Equal("ping", reply);
    }

    [Fact]
    public void Within_AroundExpectMsgWithoutTimeout_FailsWithTheRemainingTimeNotTheDefault()
    {
        // Sent after the Within max but before the 3 s default: with the default the message would
        // arrive and Within would fail on "took more"; with the remaining time ExpectMsg times out.
        Sys.Scheduler.ScheduleTellOnce(Dilated(TimeSpan.FromSeconds(1.5)), TestActor, "too late", ActorRefs.NoSender);

        var e = Assert.Throws<TestKitAssertionException>(() =>
            Within(TimeSpan.FromMilliseconds(300), () => ExpectMsg<string>()));

        Assert.StartsWith("Timeout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_WhenTheBlockFinishesBeforeMin_Fails()
    {
        var e = Assert.Throws<TestKitAssertionException>(() =>
            Within(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), () => { }));

        Assert.Contains("earlier than the minimum", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Remaining_InsideWithin_IsAtMostTheDilatedMax()
    {
        var remaining = Within(TimeSpan.FromMilliseconds(500), () => RemainingOrDefault);

        Assert.InRange(remaining, TimeSpan.Zero, Dilated(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public void Remaining_InsideNestedWithin_IsCappedByTheOuterBlock()
    {
        var remaining = Within(TimeSpan.FromMilliseconds(500), () =>
            Within(TimeSpan.FromSeconds(30), () => Remaining));

        Assert.InRange(remaining, TimeSpan.Zero, Dilated(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public void Remaining_OutsideWithin_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Remaining);

    [Fact]
    public void RemainingOrDefault_AfterWithin_IsTheDefaultAgain()
    {
        Within(TimeSpan.FromMilliseconds(500), () => { });

        Assert.Equal(Dilated(TestKitSettings.SingleExpectDefault), RemainingOrDefault);
    }

    [Fact]
    public async Task WithinAsync_AroundExpectMsgAsyncThatNeverComes_Fails()
    {
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            WithinAsync(TimeSpan.FromMilliseconds(300), async () => await ExpectMsgAsync<string>()));

        Assert.StartsWith("Timeout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithinAsync_WhenTheBlockFinishesBeforeMin_Fails() =>
        await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            WithinAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), () => Task.CompletedTask));
}
