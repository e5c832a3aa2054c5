using ActorMap.Runtime.Actor;

namespace ActorMap.TestKit.Tests;

public class ReceiveWhileSpec : TestKit
{
    [Fact]
    public void ReceiveWhile_WhenAMessageDoesNotMatch_StopsAndLeavesItQueued()
    {
        TestActor.Tell("a", ActorRefs.NoSender);
        TestActor.Tell("b", ActorRefs.NoSender);
        TestActor.Tell(42, ActorRefs.NoSender);
        TestActor.Tell("c", ActorRefs.NoSender);

        var strings = ReceiveWhile(m => m as string);

        Assert.Equal(["a", "b"], strings);
        ExpectMsg(42);
        ExpectMsg("c");
    }

    [Fact]
    public void ReceiveWhile_WhenIdleLongerThanIdle_Stops()
    {
        TestActor.Tell("a", ActorRefs.NoSender);
        TestActor.Tell("b", ActorRefs.NoSender);
        AwaitCondition(() => QueuedMessageCount == 2);
        // Arrives after the idle gap but well within max: returned only if idle were ignored.
        Sys.Scheduler.ScheduleTellOnce(Dilated(TimeSpan.FromSeconds(2)), TestActor, "late", ActorRefs.NoSender);

        var strings = ReceiveWhile(m => m as string, max: TimeSpan.FromSeconds(10), idle: TimeSpan.FromMilliseconds(300));

        Assert.Equal(["a", "b"], strings);
        ExpectMsg("late");
    }

    [Fact]
    public void ReceiveWhile_WithMaxMessages_StopsAfterThatMany()
    {
        for (var i = 0; i < 4; i++)
        {
            TestActor.Tell($"m{i}", ActorRefs.NoSender);
        }

        Assert.Equal(["m0", "m1"], ReceiveWhile(m => m as string, maxMessages: 2));
        ExpectMsg("m2");
    }

    [Fact]
    public async Task ReceiveWhileAsync_WhenAMessageDoesNotMatch_StopsAndLeavesItQueued()
    {
        TestActor.Tell("a", ActorRefs.NoSender);
        TestActor.Tell(1, ActorRefs.NoSender);

        Assert.Equal(["a"], await ReceiveWhileAsync(m => m as string));
        await ExpectMsgAsync(1);
    }

    [Fact]
    public void ReceiveWhile_WhenItStopsAtANonMatchingMessage_LeavesLastSenderAtTheLastAcceptedMessage()
    {
        var letters = Sys.ActorOf(Props.Create(() => new EchoActor()), "letters");
        var numbers = Sys.ActorOf(Props.Create(() => new EchoActor()), "numbers");
        // One at a time, so the two replies are queued in a known order.
        Send(letters, "a");
        AwaitCondition(() => QueuedMessageCount == 1);
        Send(numbers, 1);
        AwaitCondition(() => QueuedMessageCount == 2);

        Assert.Equal(["a"], ReceiveWhile(m => m as string));

        Assert.Equal(letters, LastSender);
    }
}
