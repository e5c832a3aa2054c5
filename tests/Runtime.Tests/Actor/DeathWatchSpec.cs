using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Tests.Actor;

public class DeathWatchSpec : TestKit.TestKit
{
    [Fact]
    public void Watch_must_deliver_Terminated_when_the_subject_stops()
    {
        var subject = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(subject);

        Sys.Stop(subject);

        var terminated = ExpectTerminated(subject);
        Assert.True(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void Watch_of_an_already_dead_actor_must_deliver_Terminated_at_once()
    {
        var subject = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(subject);
        Sys.Stop(subject);
        ExpectTerminated(subject);

        var lateWatcher = CreateTestProbe();
        lateWatcher.Watch(subject);

        var terminated = lateWatcher.ExpectTerminated(subject);
        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void Watch_must_deliver_exactly_one_Terminated_even_when_watched_twice_and_stopped_twice()
    {
        var subject = Sys.ActorOf(Props.Create<EchoActor>());
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(subject);
        watcher.Tell(subject);
        ExpectMsg("watching");
        ExpectMsg("watching");

        subject.Tell(PoisonPill.Instance);
        Sys.Stop(subject);

        ExpectMsg<Terminated>(t => t.ActorRef.Equals(subject));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Terminated_must_arrive_after_the_messages_the_dead_actor_sent_before_dying()
    {
        var subject = Sys.ActorOf(Props.Create(() => new LastWords(TestActor)));
        Watch(subject);

        subject.Tell("die");

        ExpectMsg("last words");
        ExpectTerminated(subject);
    }

    [Fact]
    public void Unwatch_must_prevent_Terminated()
    {
        var subject = Sys.ActorOf(Props.Create<EchoActor>());
        Watch(subject);
        Unwatch(subject);

        Sys.Stop(subject);

        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Unhandled_Terminated_must_fail_the_watcher_with_a_DeathPactException()
    {
        var subject = Sys.ActorOf(Props.Create<EchoActor>());
        var watcher = Sys.ActorOf(Props.Create(() => new SilentWatcher(subject)));
        Watch(watcher);

        EventFilter.Exception<DeathPactException>().ExpectOne(() => Sys.Stop(subject));

        // The default strategy stops an actor that broke its death pact.
        ExpectTerminated(watcher);
    }

    [Fact]
    public void Parent_must_learn_of_a_stopped_child_through_Children()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ChildCounter()));
        parent.Tell("spawn", TestActor);
        var child = ExpectMsg<IActorRef>();
        parent.Tell("count", TestActor);
        ExpectMsg(1);

        Sys.Stop(child);

        AwaitAssert(() =>
        {
            parent.Tell("count", TestActor);
            Assert.Equal(0, ExpectMsg<int>());
        });
    }

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef probe)
        {
            Receive<IActorRef>(subject =>
            {
                Context.Watch(subject);
                probe.Tell("watching", Self);
            });
            Receive<Terminated>(t => probe.Tell(t, Self));
        }
    }

    private sealed class SilentWatcher : ReceiveActor
    {
        public SilentWatcher(IActorRef subject)
        {
            Context.Watch(subject);
            Receive<string>(_ => { });
        }
    }

    private sealed class LastWords : ReceiveActor
    {
        public LastWords(IActorRef probe) =>
            Receive<string>(_ =>
            {
                probe.Tell("last words", Self);
                Context.Stop(Self);
            });
    }

    private sealed class ChildCounter : ReceiveActor
    {
        public ChildCounter()
        {
            Receive<string>(m => m == "spawn", _ => Sender.Tell(Context.ActorOf(Props.Create<EchoActor>()), Self));
            Receive<string>(m => m == "count", _ => Sender.Tell(Context.Children.Count, Self));
        }
    }
}
