using ActorMap.Remote.Tests.Support;
using ActorMap.Runtime.Actor;
using Xunit.Abstractions;

namespace ActorMap.Remote.Tests;

//   this node (Sys): TestActor watches ──tcp──▶ node B: /user/echo
public sealed class RemoteDeathWatchSpec(ITestOutputHelper output) : RemoteSpec(output)
{
    [Fact]
    public async Task Watch_must_deliver_Terminated_when_the_remote_actor_stops()
    {
        var node = await StartNodeAsync();
        var echo = RemoteRef(node, node.System.ActorOf(Props.Create<EchoActor>(), "echo"));
        Watch(echo);

        echo.Tell(PoisonPill.Instance, ActorRefs.NoSender);

        var terminated = ExpectTerminated(echo, TimeSpan.FromSeconds(5));
        Assert.True(terminated.ExistenceConfirmed);
        Assert.False(terminated.AddressTerminated);
    }

    [Fact]
    public async Task Watch_must_deliver_Terminated_for_a_remote_actor_that_never_existed()
    {
        var node = await StartNodeAsync();
        var missing = Sys.ResolveActorRef(ActorPath.RootOf(node.Address) / "user" / "nobody-here");

        Watch(missing);

        Assert.False(ExpectTerminated(missing, TimeSpan.FromSeconds(5)).ExistenceConfirmed);
    }

    [Fact]
    public async Task Watch_must_deliver_Terminated_with_AddressTerminated_when_the_remote_node_shuts_down()
    {
        var node = await StartNodeAsync();
        var echo = RemoteRef(node, node.System.ActorOf(Props.Create<EchoActor>(), "echo"));
        Watch(echo);
        echo.Tell("up?", TestActor);
        ExpectMsg("up?");

        await node.DisposeAsync();

        Assert.True(ExpectTerminated(echo, TimeSpan.FromSeconds(5)).AddressTerminated);
    }

    [Fact]
    public async Task Watch_must_deliver_Terminated_with_AddressTerminated_when_a_lost_connection_stays_lost_beyond_the_grace()
    {
        var node = await StartNodeAsync();
        var echo = RemoteRef(node, node.System.ActorOf(Props.Create<EchoActor>(), "echo"));
        Watch(echo);
        echo.Tell("up?", TestActor);
        ExpectMsg("up?");

        await node.Remoting.AbortAsync();

        // After LoopbackSettings' grace (2 s) the node counts as gone. How soon is timing, and a
        // loaded machine stretches it, so only the outcome is asserted.
        Assert.True(ExpectTerminated(echo, TimeSpan.FromSeconds(15)).AddressTerminated);
    }

    [Fact]
    public async Task Watch_must_deliver_Terminated_with_AddressTerminated_when_the_cluster_declares_the_node_gone()
    {
        var node = await StartNodeAsync();
        var echo = RemoteRef(node, node.System.ActorOf(Props.Create<EchoActor>(), "echo"));
        Watch(echo);
        echo.Tell("up?", TestActor);
        ExpectMsg("up?");

        Remoting.AddressTerminated(node.Address);

        Assert.True(ExpectTerminated(echo, TimeSpan.FromSeconds(5)).AddressTerminated);
    }

    [Fact]
    public async Task Watch_must_tell_a_remote_watcher_when_a_local_actor_stops()
    {
        var node = await StartNodeAsync();
        var local = Sys.ActorOf(Props.Create<EchoActor>(), "watched");
        var watcher = node.System.ActorOf(Props.Create(() => new WatchingActor(
            node.System.ResolveActorRef(local.Path.WithAddress(Remoting.LocalAddress)), TestActor)), "watcher");
        ExpectMsg("watching");

        Sys.Stop(local);

        ExpectMsg<Terminated>(TimeSpan.FromSeconds(5));
        node.System.Stop(watcher);
    }

    [Fact]
    public async Task Unwatch_must_stop_a_Terminated_from_arriving()
    {
        var node = await StartNodeAsync();
        var echo = RemoteRef(node, node.System.ActorOf(Props.Create<EchoActor>(), "echo"));
        Watch(echo);
        Unwatch(echo);

        echo.Tell(PoisonPill.Instance, ActorRefs.NoSender);

        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    /// <summary>Watches <paramref name="subject"/> (on another node) and forwards its Terminated to <paramref name="report"/>.</summary>
    private sealed class WatchingActor : ReceiveActor
    {
        public WatchingActor(IActorRef subject, IActorRef report)
        {
            Context.Watch(subject);
            // Round-trip a message first, so the watch has reached the other node.
            subject.Tell("ping", Self);
            Receive<string>(_ => report.Tell("watching", Self));
            Receive<Terminated>(t => report.Tell(t, Self));
        }
    }
}
