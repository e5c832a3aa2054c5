using ActorMap.Runtime.Actor;

namespace ActorMap.TestKit.Tests;

public class ManualClockSystemSpec() : TestKit(new ActorSystemSettings { TimeProvider = new ManualClock() })
{
    private static readonly TimeSpan s_quiet = TimeSpan.FromMilliseconds(150);

    [Fact]
    public void Scheduler_must_deliver_ScheduleTellOnce_only_after_the_clock_passes_the_delay()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(5), TestActor, "tick", ActorRefs.NoSender);

        ExpectNoMsg(s_quiet);
        Clock.Advance(TimeSpan.FromSeconds(4));
        ExpectNoMsg(s_quiet);

        Clock.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("tick");
        Clock.Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg(s_quiet);
    }

    [Fact]
    public void Scheduler_must_deliver_ScheduleTellRepeatedly_once_per_interval_until_cancelled()
    {
        var ticks = Sys.Scheduler.ScheduleTellRepeatedly(
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TestActor, "tick", ActorRefs.NoSender);

        Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(["tick", "tick", "tick"], ReceiveN(3));

        ticks.Cancel();
        Clock.Advance(TimeSpan.FromSeconds(3));
        ExpectNoMsg(s_quiet);
    }

    [Fact]
    public void Scheduler_must_not_deliver_a_message_cancelled_before_it_is_due()
    {
        var once = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor, "tick", ActorRefs.NoSender);

        once.Cancel();
        Clock.Advance(TimeSpan.FromSeconds(2));

        ExpectNoMsg(s_quiet);
    }

    [Fact]
    public async Task Ask_must_fault_with_AskTimeoutException_only_after_the_clock_passes_the_timeout()
    {
        var silent = Sys.ActorOf(Props.Create(() => new SilentActor()));

        var reply = silent.Ask("anyone?", TimeSpan.FromSeconds(5));
        Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(reply.IsCompleted);

        Clock.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<AskTimeoutException>(() => reply);
    }

    [Fact]
    public async Task Ask_must_complete_with_the_reply_without_advancing_the_clock()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));

        Assert.Equal("hi", await echo.Ask<string>("hi", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Ask_must_time_out_on_the_systems_clock_when_asking_a_TestProbe()
    {
        var probe = CreateTestProbe();

        var reply = probe.Ask("anyone?", TimeSpan.FromSeconds(5));
        probe.ExpectMsg("anyone?");
        Clock.Advance(TimeSpan.FromSeconds(6));

        Assert.True(reply.IsFaulted);
        await Assert.ThrowsAsync<AskTimeoutException>(() => reply);
    }
}
