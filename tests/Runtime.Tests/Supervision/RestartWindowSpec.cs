using System.Runtime.CompilerServices;
using ActorMap.Runtime.Actor;
using ActorMap.Runtime.Supervision;
using ActorMap.TestKit;

namespace ActorMap.Runtime.Tests.Supervision;

public class RestartWindowSpec : TestKit.TestKit
{
    private readonly StrongBox<int> _incarnations = new(0);

    public RestartWindowSpec()
        : base(new ActorSystemSettings { TimeProvider = new ManualClock() })
    {
    }

    private IActorRef Supervise(int maxRetries, TimeSpan window)
    {
        var strategy = new OneForOneStrategy(maxRetries, window, _ => Directive.Restart);
        var supervisor = Sys.ActorOf(Props.Create(() => new Supervisor(strategy)));
        supervisor.Tell(Props.Create(() => new Child(TestActor, _incarnations)), TestActor);
        var child = ExpectMsg<IActorRef>();
        IgnoreMessages(m => m is string s && (s.StartsWith("pre", StringComparison.Ordinal) || s.StartsWith("post", StringComparison.Ordinal)));
        return child;
    }

    private void Fail(IActorRef child) =>
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() =>
        {
            child.Tell(new InvalidOperationException("again"), TestActor);
            child.Tell("ping", TestActor);
            FishForMessage(m => m is "ping" or Terminated);
        });

    [Fact]
    public void Restarts_beyond_the_limit_within_the_window_must_stop_the_child()
    {
        var child = Supervise(maxRetries: 2, TimeSpan.FromMinutes(1));
        Watch(child);

        Fail(child);
        Clock.Advance(TimeSpan.FromSeconds(10));
        Fail(child);
        Clock.Advance(TimeSpan.FromSeconds(10));
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => child.Tell(new InvalidOperationException("third"), TestActor));

        ExpectTerminated(child);
    }

    [Fact]
    public void A_new_window_must_allow_restarts_again_once_the_old_one_has_passed()
    {
        var child = Supervise(maxRetries: 2, TimeSpan.FromMinutes(1));
        Watch(child);

        Fail(child);
        Fail(child);
        Clock.Advance(TimeSpan.FromMinutes(2));
        Fail(child);
        Fail(child);

        child.Tell("incarnation", TestActor);
        ExpectMsg(5);
    }

    [Fact]
    public void Retry_limit_without_a_window_counts_every_restart()
    {
        var child = Supervise(maxRetries: 1, Timeout.InfiniteTimeSpan);
        Watch(child);

        Fail(child);
        Clock.Advance(TimeSpan.FromDays(1));
        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => child.Tell(new InvalidOperationException("second"), TestActor));

        ExpectTerminated(child);
    }

    [Fact]
    public void Zero_retries_must_stop_on_the_first_failure()
    {
        var child = Supervise(maxRetries: 0, TimeSpan.FromMinutes(1));
        Watch(child);

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => child.Tell(new InvalidOperationException("first"), TestActor));

        ExpectTerminated(child);
    }
}
