using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Tests.Actor;

public class BecomeSpec : TestKit.TestKit
{
    [Fact]
    public void Become_must_replace_the_behaviour()
    {
        var actor = Sys.ActorOf(Props.Create<Switch>());

        actor.Tell("state", TestActor);
        ExpectMsg("off");
        actor.Tell("toggle", TestActor);
        actor.Tell("state", TestActor);
        ExpectMsg("on");
        actor.Tell("toggle", TestActor);
        actor.Tell("state", TestActor);
        ExpectMsg("off");
    }

    [Fact]
    public void BecomeStacked_and_UnbecomeStacked_must_push_and_pop_behaviours()
    {
        var actor = Sys.ActorOf(Props.Create<Stack>());

        actor.Tell("push", TestActor);
        actor.Tell("push", TestActor);
        actor.Tell("depth", TestActor);
        ExpectMsg("depth 2");
        actor.Tell("pop", TestActor);
        actor.Tell("depth", TestActor);
        ExpectMsg("depth 1");
        actor.Tell("pop", TestActor);
        actor.Tell("depth", TestActor);
        ExpectMsg("base");
    }

    [Fact]
    public void Receive_with_predicate_must_fall_through_to_later_handlers()
    {
        var actor = Sys.ActorOf(Props.Create<Classifier>());

        actor.Tell(5, TestActor);
        actor.Tell(-5, TestActor);
        actor.Tell("x", TestActor);

        ExpectMsg("positive");
        ExpectMsg("other int");
        ExpectMsg("anything");
    }

    [Fact]
    public void Restart_must_return_to_the_initial_behaviour()
    {
        var actor = Sys.ActorOf(Props.Create<Switch>());
        actor.Tell("toggle", TestActor);
        actor.Tell("state", TestActor);
        ExpectMsg("on");

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => actor.Tell(new InvalidOperationException("boom"), TestActor));

        actor.Tell("state", TestActor);
        ExpectMsg("off");
    }

    private sealed class Switch : ReceiveActor
    {
        public Switch() => Off();

        private void Off()
        {
            Receive<string>(m => m == "state", _ => Sender.Tell("off", Self));
            Receive<string>(m => m == "toggle", _ => Become(On));
            Receive<Exception>(e => throw e);
        }

        private void On()
        {
            Receive<string>(m => m == "state", _ => Sender.Tell("on", Self));
            Receive<string>(m => m == "toggle", _ => Become(Off));
            Receive<Exception>(e => throw e);
        }
    }

    private sealed class Stack : ReceiveActor
    {
        private int _depth;

        public Stack()
        {
            Receive<string>(m => m == "push", _ => Push());
            Receive<string>(m => m == "depth", _ => Sender.Tell("base", Self));
        }

        private void Push()
        {
            _depth++;
            var depth = _depth;
            BecomeStacked(() =>
            {
                Receive<string>(m => m == "push", _ => Push());
                Receive<string>(m => m == "pop", _ =>
                {
                    _depth--;
                    UnbecomeStacked();
                });
                Receive<string>(m => m == "depth", _ => Sender.Tell($"depth {depth}", Self));
            });
        }
    }

    private sealed class Classifier : ReceiveActor
    {
        public Classifier()
        {
            Receive<int>(i => i > 0, _ => Sender.Tell("positive", Self));
            Receive<int>(_ => Sender.Tell("other int", Self));
            ReceiveAny(_ => Sender.Tell("anything", Self));
        }
    }
}
