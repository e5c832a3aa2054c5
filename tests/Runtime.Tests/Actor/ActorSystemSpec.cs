using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Tests.Actor;

public class ActorSystemSpec : TestKit.TestKit
{
    [Fact]
    public void ActorOf_must_place_top_level_actors_under_user_and_children_under_their_parent()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor()), "job-7");
        parent.Tell("make router", TestActor);
        var router = ExpectMsg<IActorRef>();

        Assert.Equal("actormap://test/user/job-7", parent.Path.ToString());
        Assert.Equal("actormap://test/user/job-7/router", router.Path.ToString());
    }

    [Fact]
    public void ActorOf_must_refuse_a_duplicate_or_malformed_name()
    {
        Sys.ActorOf(Props.Create<EchoActor>(), "echo");

        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<EchoActor>(), "echo"));
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<EchoActor>(), "$reserved"));
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<EchoActor>(), "has space"));
    }

    [Fact]
    public void ActorOf_without_name_must_generate_distinct_names()
    {
        var a = Sys.ActorOf(Props.Create<EchoActor>());
        var b = Sys.ActorOf(Props.Create<EchoActor>());

        Assert.StartsWith("$", a.Path.Name, StringComparison.Ordinal);
        Assert.NotEqual(a.Path, b.Path);
    }

    [Fact]
    public void Actor_constructed_outside_ActorOf_must_be_refused() =>
        Assert.Throws<ActorInitializationException>(() => new EchoActor());

    [Fact]
    public async Task Terminate_must_stop_every_actor_and_run_each_PostStop()
    {
        var system = ActorSystem.Create("terminating");
        var parent = system.ActorOf(Props.Create(() => new ReportingActor(TestActor)), "parent");
        ExpectMsg("prestart parent");
        var nested = system.ActorOf(Props.Create(() => new ParentOfReporters(TestActor)), "nested");
        ExpectMsgAllOf(null, "prestart child-1", "prestart child-2");

        await system.Terminate();

        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
        ExpectMsgAllOf(null, "poststop parent", "poststop child-1", "poststop child-2", "poststop nested");
        Assert.True(((IInternalActorRef)parent).IsTerminated);
        Assert.True(((IInternalActorRef)nested).IsTerminated);
    }

    [Fact]
    public void Stop_must_stop_children_before_the_parent_runs_PostStop()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentOfReporters(TestActor)), "p");
        ExpectMsgAllOf(null, "prestart child-1", "prestart child-2");

        Sys.Stop(parent);

        ExpectMsgAllOf(null, "poststop child-1", "poststop child-2");
        ExpectMsg("poststop p");
    }

    [Fact]
    public void Create_must_reject_an_invalid_system_name() =>
        Assert.Throws<ArgumentException>(() => ActorSystem.Create("bad name"));

    private sealed class ParentActor : ReceiveActor
    {
        public ParentActor() =>
            Receive<string>(_ => Sender.Tell(Context.ActorOf(Props.Create<EchoActor>(), "router"), Self));
    }

    private sealed class ParentOfReporters : ReceiveActor
    {
        private readonly IActorRef _probe;

        public ParentOfReporters(IActorRef probe)
        {
            _probe = probe;
            Context.ActorOf(Props.Create(() => new ReportingActor(probe)), "child-1");
            Context.ActorOf(Props.Create(() => new ReportingActor(probe)), "child-2");
        }

        protected override void PostStop() => _probe.Tell($"poststop {Self.Path.Name}", Self);
    }
}
