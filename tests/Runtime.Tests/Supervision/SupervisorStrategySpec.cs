using System.Runtime.CompilerServices;
using ActorMap.Runtime.Actor;
using ActorMap.Runtime.Supervision;

namespace ActorMap.Runtime.Tests.Supervision;

//   supervisor ─┬─ child      (throws what it is sent)
//               └─ sibling    (AllForOne specs only)
public class SupervisorStrategySpec : TestKit.TestKit
{
    private readonly StrongBox<int> _incarnations = new(0);

    private IActorRef Supervise(SupervisorStrategy strategy, string name = "child")
    {
        var supervisor = Sys.ActorOf(Props.Create(() => new Supervisor(strategy)));
        supervisor.Tell((ChildProps(), name), TestActor);
        return ExpectMsg<IActorRef>();
    }

    private Props ChildProps() => Props.Create(() => new Child(TestActor, _incarnations));

    [Fact]
    public void Resume_must_keep_the_instance_and_its_state()
    {
        var child = Supervise(new OneForOneStrategy(_ => Directive.Resume));
        child.Tell(5, TestActor);

        EventFilter.Warning(contains: "oops").ExpectOne(() => child.Tell(new InvalidOperationException("oops"), TestActor));

        child.Tell("state", TestActor);
        ExpectMsg(5);
        child.Tell("incarnation", TestActor);
        ExpectMsg(1);
    }

    [Fact]
    public void Restart_must_replace_the_instance_and_keep_the_ref_and_the_queued_messages()
    {
        var child = Supervise(new OneForOneStrategy(_ => Directive.Restart));
        child.Tell(5, TestActor);

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() =>
        {
            child.Tell(new InvalidOperationException("oops"), TestActor);
            // Queued behind the failure: must survive the restart in the same mailbox.
            child.Tell("after", TestActor);
            ExpectMsg("prerestart oops InvalidOperationException");
            ExpectMsg("poststop");
            ExpectMsg("postrestart oops");
        });

        ExpectMsg("after");
        Assert.Equal(child, LastSender);
        child.Tell("state", TestActor);
        ExpectMsg(0);
        child.Tell("incarnation", TestActor);
        ExpectMsg(2);
    }

    [Fact]
    public void Stop_must_terminate_the_child()
    {
        var child = Supervise(new OneForOneStrategy(_ => Directive.Stop));
        Watch(child);

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => child.Tell(new InvalidOperationException("oops"), TestActor));

        ExpectMsg("poststop");
        ExpectTerminated(child);
    }

    [Fact]
    public void Escalate_must_fail_the_supervisor_so_its_parent_decides()
    {
        //   user guardian (restarts) ── supervisor (escalates) ── child
        var child = Supervise(new OneForOneStrategy(_ => Directive.Escalate));
        child.Tell(5, TestActor);

        EventFilter.Exception<InvalidOperationException>(contains: "up").ExpectOne(() =>
            child.Tell(new InvalidOperationException("up"), TestActor));

        // The supervisor was restarted by the guardian, and its default PreRestart stopped the child.
        ExpectMsg("poststop");
        Watch(child);
        ExpectTerminated(child);
    }

    [Fact]
    public void Decider_must_choose_the_directive_by_exception_type()
    {
        var decider = Decider.From(Directive.Restart,
            (typeof(ArgumentException), Directive.Resume),
            (typeof(InvalidOperationException), Directive.Stop));

        Assert.Equal(Directive.Resume, decider(new ArgumentNullException("x")));
        Assert.Equal(Directive.Stop, decider(new InvalidOperationException()));
        Assert.Equal(Directive.Restart, decider(new DivideByZeroException()));
    }

    [Fact]
    public void Default_strategy_must_restart_on_an_ordinary_exception()
    {
        Assert.Equal(Directive.Restart, SupervisorStrategy.DefaultStrategy.Decider(new DivideByZeroException()));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultStrategy.Decider(new ActorInitializationException("x", null)));

        var child = Sys.ActorOf(ChildProps(), "top-level");
        child.Tell(3, TestActor);
        EventFilter.Exception<DivideByZeroException>().ExpectOne(() => child.Tell(new DivideByZeroException(), TestActor));
        child.Tell("incarnation", TestActor);
        FishForMessage(m => m is int i && i == 2);
    }

    [Fact]
    public void AllForOne_must_restart_every_sibling_when_one_fails()
    {
        var supervisor = Sys.ActorOf(Props.Create(() => new Supervisor(new AllForOneStrategy(_ => Directive.Restart))));
        supervisor.Tell((ChildProps(), "a"), TestActor);
        var a = ExpectMsg<IActorRef>();
        supervisor.Tell((ChildProps(), "b"), TestActor);
        var b = ExpectMsg<IActorRef>();
        b.Tell(7, TestActor);

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() =>
        {
            a.Tell(new InvalidOperationException("all"), TestActor);
            ReceiveN(6);
        });

        b.Tell("state", TestActor);
        ExpectMsg(0);
        a.Tell("incarnation", TestActor);
        b.Tell("incarnation", TestActor);
        Assert.Equal([3, 4], ReceiveN(2).Cast<int>().Order());
    }

    [Fact]
    public void Failure_in_the_constructor_must_stop_the_actor_under_the_default_strategy()
    {
        // Created inside the filter: the failure is logged as soon as the actor starts.
        var actor = EventFilter.Exception<ActorInitializationException>().ExpectOne(() => Sys.ActorOf(Props.Create(() => new FailingConstructor())));
        Watch(actor);
        ExpectTerminated(actor);
    }

    private sealed class FailingConstructor : ReceiveActor
    {
        public FailingConstructor() => throw new InvalidOperationException("cannot start");
    }
}
