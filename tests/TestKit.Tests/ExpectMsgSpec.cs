using ActorMap.Runtime.Actor;

namespace ActorMap.TestKit.Tests;

public class ExpectMsgSpec : TestKit
{
    private static readonly TimeSpan s_short = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void ExpectMsg_WhenMessageOfTypeArrives_ReturnsIt()
    {
        TestActor.Tell("hello", ActorRefs.NoSender);

        Assert.Equal("hello", ExpectMsg<string>());
    }

    [Fact]
    public void ExpectMsg_WhenNothingArrives_FailsWithTimeout()
    {
        var e = Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>(s_short));

        Assert.StartsWith("Timeout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_WhenWrongType_Fails()
    {
        TestActor.Tell(42, ActorRefs.NoSender);

        var e = Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>());

        Assert.Contains("Int32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_WhenPredicateMatches_ReturnsMessage()
    {
        TestActor.Tell("hello", ActorRefs.NoSender);

        Assert.Equal("hello", ExpectMsg<string>(s => s.StartsWith('h')));
    }

    [Fact]
    public void ExpectMsg_WhenPredicateDoesNotMatch_Fails()
    {
        TestActor.Tell("hello", ActorRefs.NoSender);

        Assert.Throws<TestKitAssertionException>(() => ExpectMsg<string>(s => s.StartsWith('x')));
    }

    [Fact]
    public void ExpectMsg_WhenValueIsEqual_ReturnsMessage()
    {
        TestActor.Tell(new Point(1, 2), ActorRefs.NoSender);

        Assert.Equal(new Point(1, 2), ExpectMsg(new Point(1, 2)));
    }

    [Fact]
    public void ExpectMsg_WhenValueIsNotEqual_Fails()
    {
        TestActor.Tell(new Point(1, 2), ActorRefs.NoSender);

        var e = Assert.Throws<TestKitAssertionException>(() => ExpectMsg(new Point(1, 3)));

        Assert.Contains("Point { X = 1, Y = 3 }", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_WithAssertion_RethrowsTheAssertionFailure()
    {
        TestActor.Tell("hello", ActorRefs.NoSender);

        Assert.ThrowsAny<Exception>(() => ExpectMsg<string>(s => Assert.Equal("bye", s)));
    }

    [Fact]
    public void ExpectMsg_AfterReceiving_SetsLastSenderToTheSender()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");

        Send(echo, "ping");
        ExpectMsg("ping");

        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public void ExpectMsg_WithSeveralQueued_TakesThemInArrivalOrder()
    {
        for (var i = 0; i < 5; i++)
        {
            TestActor.Tell(i, ActorRefs.NoSender);
        }

        for (var i = 0; i < 5; i++)
        {
            ExpectMsg(i);
        }
    }

    [Fact]
    public void ExpectMsgAllOf_WhenAllArriveInAnotherOrder_ReturnsThem()
    {
        TestActor.Tell("b", ActorRefs.NoSender);
        TestActor.Tell("a", ActorRefs.NoSender);

        Assert.Equal(["b", "a"], ExpectMsgAllOf(null, "a", "b"));
    }

    [Fact]
    public void ExpectMsgAllOf_WhenAnUnexpectedMessageArrives_Fails()
    {
        TestActor.Tell("a", ActorRefs.NoSender);
        TestActor.Tell("c", ActorRefs.NoSender);

        Assert.Throws<TestKitAssertionException>(() => ExpectMsgAllOf(null, "a", "b"));
    }

    private sealed record Point(int X, int Y);
}
