using ActorMap.Remote.Tests.Support;
using ActorMap.Runtime.Actor;
using Xunit.Abstractions;

namespace ActorMap.Remote.Tests;

//   this node (Sys) ──tcp── node B: /user/echo, /user/checker
public sealed class RemoteActorRefSpec(ITestOutputHelper output) : RemoteSpec(output)
{
    [Fact]
    public async Task RemoteActorRef_must_deliver_a_Tell_and_carry_a_sender_the_receiver_can_reply_to()
    {
        var node = await StartNodeAsync();
        var echo = RemoteRef(node, node.System.ActorOf(Props.Create<EchoActor>(), "echo"));

        echo.Tell("hello", TestActor);

        ExpectMsg("hello");
        Assert.Equal(echo.Path, LastSender.Path);
    }

    [Fact]
    public async Task RemoteActorRef_must_answer_an_Ask_from_another_node()
    {
        var node = await StartNodeAsync();
        var echo = RemoteRef(node, node.System.ActorOf(Props.Create<EchoActor>(), "echo"));

        Assert.Equal(42, await echo.Ask<int>(42, TimeSpan.FromSeconds(5)));
        Assert.Equal("again", await echo.Ask<string>("again", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task RemoteActorRef_must_keep_the_order_of_100000_messages_between_one_sender_and_one_recipient()
    {
        var node = await StartNodeAsync();
        var checker = RemoteRef(node, node.System.ActorOf(Props.Create<SequenceChecker>(), "checker"));

        for (var i = 0L; i < 100_000; i++)
        {
            checker.Tell(i, TestActor);
        }
        checker.Tell("count", TestActor);

        ExpectMsg(100_000L, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task RemoteActorRef_must_resolve_from_a_path_string_like_a_local_ref()
    {
        var node = await StartNodeAsync();
        node.System.ActorOf(Props.Create<EchoActor>(), "echo");

        var echo = Sys.ResolveActorRef($"{node.Address}/user/echo");
        echo.Tell("by path", TestActor);

        ExpectMsg("by path");
    }

    [Fact]
    public async Task RemoteActorRef_must_deliver_a_ref_inside_a_message_as_a_ref_that_works()
    {
        var node = await StartNodeAsync();
        var echo = RemoteRef(node, node.System.ActorOf(Props.Create<EchoActor>(), "echo"));

        // The echo sends TestActor's ref back; it arrives as a local ref again.
        echo.Tell(TestActor, TestActor);

        var returned = ExpectMsg<IActorRef>();
        returned.Tell("through the returned ref", ActorRefs.NoSender);
        ExpectMsg("through the returned ref");
    }

    [Fact]
    public async Task RemoteActorRef_must_deliver_both_ways_when_two_nodes_dial_each_other_at_once()
    {
        var node = await StartNodeAsync();
        var there = RemoteRef(node, node.System.ActorOf(Props.Create<EchoActor>(), "echo"));
        var here = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        // Node B's replies from our echo come back to TestActor through a forwarder on B.
        var testActorFromThere = node.System.ResolveActorRef(TestActor.Path.WithAddress(Remoting.LocalAddress));
        var forwarder = node.System.ActorOf(Props.Create(() => new Forwarder(testActorFromThere)), "forwarder");
        var hereFromThere = node.System.ResolveActorRef(here.Path.WithAddress(Remoting.LocalAddress));

        for (var i = 0; i < 100; i++)
        {
            there.Tell(i, TestActor);
            hereFromThere.Tell($"b{i}", forwarder);
        }

        var received = ReceiveN(200, TimeSpan.FromSeconds(10));
        Assert.Equal(Enumerable.Range(0, 100), received.OfType<int>());
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"b{i}"), received.OfType<string>());
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target) => ReceiveAny(m => target.Tell(m, Self));
    }

    [Fact]
    public async Task RemoteActorRef_must_publish_RemoteAssociated_when_a_connection_comes_up()
    {
        var node = await StartNodeAsync();
        var echo = RemoteRef(node, node.System.ActorOf(Props.Create<EchoActor>(), "echo"));
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe<RemoteAssociated>(events.Ref);

        echo.Tell("connect", TestActor);

        ExpectMsg("connect");
        Assert.Equal(node.Address, events.ExpectMsg<RemoteAssociated>().Address);
    }

    [Fact]
    public async Task RemoteActorRef_must_dead_letter_messages_to_a_node_that_cannot_be_reached()
    {
        var node = await StartNodeAsync();
        var address = node.Address;
        await node.DisposeAsync();
        var gone = Sys.ResolveActorRef(ActorPath.RootOf(address) / "user" / "echo");

        await EventFilter.DeadLetter<string>(m => m == "lost").ExpectOneAsync(() =>
        {
            gone.Tell("lost", TestActor);
            return Task.CompletedTask;
        });
    }
}
