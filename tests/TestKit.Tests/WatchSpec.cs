using ActorMap.Runtime.Actor;

namespace ActorMap.TestKit.Tests;

public class WatchSpec : TestKit
{
    [Fact]
    public void ExpectTerminated_AfterWatch_ReceivesTerminatedWhenTheActorStops()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));

        Watch(echo);
        Sys.Stop(echo);

        var terminated = ExpectTerminated(echo);
        Assert.True(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void ExpectTerminated_ForAnAlreadyStoppedActor_ReceivesTerminated()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));
        Watch(echo);
        echo.Tell(PoisonPill.Instance, ActorRefs.NoSender);
        ExpectTerminated(echo);

        Watch(echo);

        Assert.False(ExpectTerminated(echo).ExistenceConfirmed);
    }

    [Fact]
    public void ExpectTerminated_ForAnotherActor_Fails()
    {
        var kept = Sys.ActorOf(Props.Create(() => new EchoActor()));
        var stopped = Sys.ActorOf(Props.Create(() => new EchoActor()));
        Watch(kept);
        Watch(stopped);

        Sys.Stop(stopped);

        Assert.Throws<TestKitAssertionException>(() => ExpectTerminated(kept));
    }

    [Fact]
    public void ExpectTerminated_WithoutWatch_Fails()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));

        Sys.Stop(echo);

        Assert.Throws<TestKitAssertionException>(() => ExpectTerminated(echo, TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public void Unwatch_BeforeTheActorStops_PreventsTerminated()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));
        var witness = CreateTestProbe();
        witness.Watch(echo);
        Watch(echo);

        Unwatch(echo);
        Sys.Stop(echo);

        witness.ExpectTerminated(echo);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task ExpectTerminatedAsync_AfterWatch_ReceivesTerminated()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));

        Watch(echo);
        Sys.Stop(echo);

        Assert.Equal(echo, (await ExpectTerminatedAsync(echo)).ActorRef);
    }
}
