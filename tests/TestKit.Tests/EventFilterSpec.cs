using ActorMap.Runtime.Actor;

namespace ActorMap.TestKit.Tests;

public class EventFilterSpec : TestKit
{
    [Fact]
    public void Exception_ExpectOne_CatchesTheFailureLogOfAnActorUnderTheDefaultSupervisor()
    {
        var divider = Sys.ActorOf(Props.Create(() => new DividingActor()));

        EventFilter.Exception<DivideByZeroException>().ExpectOne(() => divider.Tell(0, ActorRefs.NoSender));
    }

    [Fact]
    public void Exception_ExpectOne_WhenNothingFails_Fails()
    {
        var divider = Sys.ActorOf(Props.Create(() => new DividingActor()));

        Assert.Throws<TestKitAssertionException>(() =>
            EventFilter.Exception<DivideByZeroException>().ExpectOne(() => Send(divider, 4)));
        ExpectMsg(25);
    }

    [Fact]
    public void Expect_WhenFewerEventsHappen_Fails()
    {
        var divider = Sys.ActorOf(Props.Create(() => new DividingActor()));

        var e = Assert.Throws<TestKitAssertionException>(() =>
            EventFilter.Exception<DivideByZeroException>().Expect(2, () => divider.Tell(0, ActorRefs.NoSender)));

        Assert.Contains("saw 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expect_WhenTheCountHappens_Passes()
    {
        var divider = Sys.ActorOf(Props.Create(() => new DividingActor()));

        // The default strategy restarts the divider after each failure, so both messages fail.
        EventFilter.Exception<DivideByZeroException>().Expect(2, () =>
        {
            divider.Tell(0, ActorRefs.NoSender);
            divider.Tell(0, ActorRefs.NoSender);
        });
    }

    [Fact]
    public void ExpectOne_WithAFunction_ReturnsItsResult()
    {
        var divider = Sys.ActorOf(Props.Create(() => new DividingActor()));

        var result = EventFilter.Exception<DivideByZeroException>().ExpectOne(() =>
        {
            divider.Tell(0, ActorRefs.NoSender);
            return "sent";
        });

        Assert.Equal("sent", result);
    }

    [Fact]
    public void DeadLetter_ExpectOne_CatchesAMessageToAStoppedActor()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);

        EventFilter.DeadLetter<string>(s => s == "lost").ExpectOne(() => echo.Tell("lost", ActorRefs.NoSender));
    }

    [Fact]
    public void Error_WithContains_CatchesAnActorsOwnErrorLog()
    {
        var logger = Sys.ActorOf(Props.Create(() => new LoggingActor()), "logger");

        EventFilter.Error(contains: "disk full").ExpectOne(() => logger.Tell("error:disk full on /data", ActorRefs.NoSender));
    }

    [Fact]
    public void Error_WithContains_MatchesTheCauseMessageToo()
    {
        var logger = Sys.ActorOf(Props.Create(() => new LoggingActor()));

        EventFilter.Error(contains: "quota").ExpectOne(() =>
            logger.Tell(new InvalidOperationException("quota exceeded"), ActorRefs.NoSender));
    }

    [Fact]
    public void Error_WithSource_MatchesTheLoggingActorsPath()
    {
        var logger = Sys.ActorOf(Props.Create(() => new LoggingActor()), "audit");

        EventFilter.Error(source: "/user/audit").ExpectOne(() => logger.Tell("error:denied", ActorRefs.NoSender));
    }

    [Fact]
    public void Info_WithContains_CatchesAnInfoLog()
    {
        var logger = Sys.ActorOf(Props.Create(() => new LoggingActor()));

        EventFilter.Info(contains: "started").ExpectOne(() => logger.Tell("info:job started", ActorRefs.NoSender));
    }

    [Fact]
    public async Task ExpectOneAsync_CatchesTheFailureLog()
    {
        var divider = Sys.ActorOf(Props.Create(() => new DividingActor()));

        await EventFilter.Exception<DivideByZeroException>().ExpectOneAsync(() =>
        {
            divider.Tell(0, ActorRefs.NoSender);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task ExpectAsync_WhenFewerEventsHappen_Fails()
    {
        var logger = Sys.ActorOf(Props.Create(() => new LoggingActor()));

        await Assert.ThrowsAsync<TestKitAssertionException>(() =>
            EventFilter.Error(contains: "boom").ExpectAsync(2, async () =>
            {
                logger.Tell("error:boom", ActorRefs.NoSender);
                await Task.Yield();
            }));
    }
}
