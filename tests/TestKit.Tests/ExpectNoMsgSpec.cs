using ActorMap.Runtime.Actor;

namespace ActorMap.TestKit.Tests;

public class ExpectNoMsgSpec : TestKit
{
    private static readonly TimeSpan s_short = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void ExpectNoMsg_WhenNothingArrives_Passes()
    {
        ExpectNoMsg(s_short);

        Assert.Null(ReceiveOne(TimeSpan.Zero));
    }

    [Fact]
    public void ExpectNoMsg_WithoutDuration_UsesTheShortDefault()
    {
        ExpectNoMsg();

        Assert.Equal(0, QueuedMessageCount);
    }

    [Fact]
    public void ExpectNoMsg_WhenAMessageArrives_Fails()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));

        Send(echo, "late");

        var e = Assert.Throws<TestKitAssertionException>(() => ExpectNoMsg(TimeSpan.FromSeconds(3)));
        Assert.Contains("late", e.Message, StringComparison.Ordinal);
    }
}
