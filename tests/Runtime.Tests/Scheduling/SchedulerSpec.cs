using ActorMap.Runtime.Actor;
using ActorMap.TestKit;

namespace ActorMap.Runtime.Tests.Scheduling;

public class SchedulerSpec : TestKit.TestKit
{
    public SchedulerSpec()
        : base(new ActorSystemSettings { TimeProvider = new ManualClock() })
    {
    }

    [Fact]
    public void ScheduleTellOnce_must_deliver_after_the_delay_and_only_once()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(10), TestActor, "tick", ActorRefs.NoSender);

        Clock.Advance(TimeSpan.FromSeconds(9));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Clock.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("tick");
        Clock.Advance(TimeSpan.FromSeconds(30));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void ScheduleTellRepeatedly_must_deliver_once_per_interval()
    {
        Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TestActor, "tick", ActorRefs.NoSender);

        Clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["tick", "tick", "tick"], ReceiveN(3));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Cancel_must_stop_further_deliveries()
    {
        var repeating = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TestActor, "tick", ActorRefs.NoSender);
        var once = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(3), TestActor, "once", ActorRefs.NoSender);
        Clock.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("tick");

        repeating.Cancel();
        once.Cancel();
        Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.True(repeating.IsCancellationRequested);
        Assert.True(once.IsCancellationRequested);
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void ScheduleOnce_and_ScheduleRepeatedly_must_run_actions()
    {
        var count = 0;
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromSeconds(1), () => TestActor.Tell("action"));
        var repeating = Sys.Scheduler.ScheduleRepeatedly(TimeSpan.Zero, TimeSpan.FromSeconds(1), () => Interlocked.Increment(ref count));

        Clock.Advance(TimeSpan.FromSeconds(3));
        repeating.Cancel();

        ExpectMsg("action");
        Assert.Equal(4, count);
    }

    [Fact]
    public void A_throwing_action_must_be_logged_and_not_stop_the_scheduler()
    {
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() =>
        {
            Sys.Scheduler.ScheduleOnce(TimeSpan.FromSeconds(1), () => throw new InvalidOperationException("bad action"));
            Clock.Advance(TimeSpan.FromSeconds(1));
        });
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor, "still works", ActorRefs.NoSender);
        Clock.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("still works");
    }

    [Fact]
    public void Repeating_with_a_non_positive_interval_must_be_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.Zero, TestActor, "x", ActorRefs.NoSender));
}
