using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Tests.Actor;

public class ResolveActorRefSpec : TestKit.TestKit
{
    [Fact]
    public void ResolveActorRef_must_find_a_live_actor_by_its_path()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");

        var resolved = Sys.ResolveActorRef(echo.Path.ToString());
        resolved.Tell("via path", TestActor);

        Assert.Equal(echo, resolved);
        ExpectMsg("via path");
    }

    [Fact]
    public void ResolveActorRef_of_a_missing_actor_must_dead_letter_and_answer_a_watch_at_once()
    {
        var missing = Sys.ResolveActorRef(ActorPath.Parse("actormap://test/user/nobody-here"));

        EventFilter.DeadLetter<string>().ExpectOne(() => missing.Tell("lost", TestActor));
        Watch(missing);
        Assert.False(ExpectTerminated(missing).ExistenceConfirmed);
    }

    [Fact]
    public void ResolveActorRef_of_another_nodes_path_without_remoting_must_dead_letter()
    {
        var remote = Sys.ResolveActorRef("actormap.tcp://test@10.0.0.9:4053/user/worker");

        EventFilter.DeadLetter<string>().ExpectOne(() => remote.Tell("lost", TestActor));
    }

    [Fact]
    public void DefaultAddress_without_remoting_must_be_the_local_address() =>
        Assert.Equal(Sys.Address, Sys.DefaultAddress);
}
