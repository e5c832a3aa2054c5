using ActorMap.Runtime.Actor;
using ActorMap.Runtime.Routing;
using ActorMap.Runtime.Supervision;

namespace ActorMap.Runtime.Tests.Routing;

//   router ─┬─ $a
//           ├─ $b    routees: children of the router, supervised by its pool strategy
//           └─ $c
public class RouterSpec : TestKit.TestKit
{
    [Fact]
    public void RoundRobinPool_must_send_to_each_routee_in_turn()
    {
        var router = Sys.ActorOf(Props.Create<NameReplier>().WithRouter(new RoundRobinPool(3)), "rr");

        for (var i = 0; i < 30; i++)
        {
            router.Tell(i, TestActor);
        }

        // Replies interleave across routees, but each routee must have seen every third index.
        var byRoutee = ReceiveN(30).Cast<(string Name, int Index)>().GroupBy(r => r.Name).ToList();
        Assert.Equal(3, byRoutee.Count);
        Assert.All(byRoutee, g =>
        {
            Assert.Equal(10, g.Count());
            Assert.Single(g.Select(r => r.Index % 3).Distinct());
        });
    }

    [Fact]
    public void Routees_must_be_children_of_the_router_and_reply_to_the_original_sender()
    {
        var router = Sys.ActorOf(Props.Create<NameReplier>().WithRouter(new RoundRobinPool(2)), "parent");
        router.Tell(GetRoutees.Instance, TestActor);
        var routees = ExpectMsg<Routees>().Members;

        Assert.Equal(2, routees.Count);
        Assert.All(routees, r => Assert.Equal(router.Path, r.Path.Parent));
        router.Tell("who", TestActor);
        ExpectMsg<string>();
        Assert.Contains(LastSender, routees);
    }

    [Fact]
    public void SmallestMailboxPool_must_route_away_from_a_routee_with_a_backlog()
    {
        using var gate = new ManualResetEventSlim(false);
        var router = Sys.ActorOf(Props.Create(() => new Blocker(gate)).WithRouter(new SmallestMailboxPool(2)));
        router.Tell(GetRoutees.Instance, TestActor);
        var routees = ExpectMsg<Routees>().Members;
        var busy = routees[0];
        busy.Tell("block", TestActor);
        ExpectMsg(busy.Path.Name);
        for (var i = 0; i < 3; i++)
        {
            busy.Tell("backlog", TestActor);
        }

        for (var i = 0; i < 5; i++)
        {
            router.Tell("who", TestActor);
            ExpectMsg(routees[1].Path.Name);
        }

        gate.Set();
        Assert.Equal(3, ReceiveN(3).Count);
    }

    [Fact]
    public void BroadcastPool_must_send_every_message_to_every_routee()
    {
        var router = Sys.ActorOf(Props.Create<NameReplier>().WithRouter(new BroadcastPool(4)));

        router.Tell("who", TestActor);

        Assert.Equal(4, ReceiveN(4).Distinct().Count());
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Broadcast_message_must_reach_every_routee_of_a_round_robin_pool()
    {
        var router = Sys.ActorOf(Props.Create<NameReplier>().WithRouter(new RoundRobinPool(3)));

        router.Tell(new Broadcast("who"), TestActor);

        Assert.Equal(3, ReceiveN(3).Distinct().Count());
    }

    [Fact]
    public void Routee_failure_must_be_handled_by_the_pool_strategy_and_keep_the_routee()
    {
        var pool = new RoundRobinPool(2, new OneForOneStrategy(_ => Directive.Restart));
        var router = Sys.ActorOf(Props.Create<NameReplier>().WithRouter(pool));
        router.Tell(GetRoutees.Instance, TestActor);
        var before = ExpectMsg<Routees>().Members;

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => router.Tell(new InvalidOperationException("routee"), TestActor));

        router.Tell(GetRoutees.Instance, TestActor);
        Assert.Equal(before, ExpectMsg<Routees>().Members);
        router.Tell(new Broadcast("restarted?"), TestActor);
        Assert.Equal([false, true], ReceiveN(2).Cast<bool>().Order());
    }

    [Fact]
    public void Routee_stopped_by_the_pool_strategy_must_leave_the_pool()
    {
        var pool = new RoundRobinPool(2, new OneForOneStrategy(_ => Directive.Stop));
        var router = Sys.ActorOf(Props.Create<NameReplier>().WithRouter(pool));
        router.Tell(GetRoutees.Instance, TestActor);
        var first = ExpectMsg<Routees>().Members[0];

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => router.Tell(new InvalidOperationException("bye"), TestActor));

        AwaitAssert(() =>
        {
            router.Tell(GetRoutees.Instance, TestActor);
            var now = ExpectMsg<Routees>().Members;
            Assert.Single(now);
            Assert.DoesNotContain(first, now);
        });
    }

    [Fact]
    public void Router_must_stop_itself_when_its_last_routee_is_gone()
    {
        var router = Sys.ActorOf(Props.Create<NameReplier>().WithRouter(new RoundRobinPool(1)));
        Watch(router);

        router.Tell(new Broadcast(PoisonPill.Instance), TestActor);

        ExpectTerminated(router);
    }

    [Fact]
    public void Pool_must_refuse_zero_instances() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RoundRobinPool(0));

    private sealed class NameReplier : ReceiveActor
    {
        private bool _restarted;

        public NameReplier()
        {
            Receive<string>(m => m == "restarted?", _ => Sender.Tell(_restarted, Self));
            Receive<string>(_ => Sender.Tell(Self.Path.Name, Self));
            Receive<int>(i => Sender.Tell((Self.Path.Name, i), Self));
            Receive<Exception>(e => throw e);
        }

        protected override void PostRestart(Exception reason) => _restarted = true;
    }

    private sealed class Blocker : ReceiveActor
    {
        public Blocker(ManualResetEventSlim gate)
        {
            Receive<string>(m => m == "block", _ =>
            {
                Sender.Tell(Self.Path.Name, Self);
                gate.Wait();
            });
            Receive<string>(_ => Sender.Tell(Self.Path.Name, Self));
        }
    }
}
