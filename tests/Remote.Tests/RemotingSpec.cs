using ActorMap.Messages;
using ActorMap.Remote.Tests.Support;
using ActorMap.Runtime.Actor;
using Google.Protobuf;
using Xunit.Abstractions;

namespace ActorMap.Remote.Tests;

public sealed class RemotingSpec(ITestOutputHelper output) : RemoteSpec(output)
{
    [Fact]
    public async Task Remoting_must_reconnect_to_a_node_restarted_on_the_same_port()
    {
        var node = await StartNodeAsync();
        node.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var echo = Sys.ResolveActorRef(ActorPath.RootOf(node.Address) / "user" / "echo");
        Assert.Equal("first", await echo.Ask<string>("first", TimeSpan.FromSeconds(5)));
        var port = node.Address.Port!.Value;

        await node.DisposeAsync();
        var restarted = await StartNodeAsync(LoopbackSettings() with { Port = port });
        restarted.System.ActorOf(Props.Create<EchoActor>(), "echo");

        await AwaitAssertAsync(async () =>
            Assert.Equal("second", await echo.Ask<string>("second", TimeSpan.FromMilliseconds(500))),
            TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Remoting_must_round_trip_megabytes_of_packed_doubles()
    {
        var node = await StartNodeAsync();
        var echo = RemoteRef(node, node.System.ActorOf(Props.Create<EchoActor>(), "echo"));
        var values = new double[512 * 1024]; // 4 MiB
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = i * 0.5;
        }

        var reply = await echo.Ask<DoubleArray>(DoubleArray.From(values), TimeSpan.FromSeconds(10));

        Assert.True(reply.AsSpan().SequenceEqual(values));
    }

    [Fact]
    public async Task Remoting_must_drop_a_message_with_an_unknown_manifest_and_keep_the_connection()
    {
        var node = await StartNodeAsync();
        var echo = RemoteRef(node, node.System.ActorOf(Props.Create<EchoActor>(), "echo"));
        // Known to this node only: the receiver cannot read it.
        Remoting.Serialization.Register<Guid>("spec.guid",
            g => ByteString.CopyFrom(g.ToByteArray()), b => new Guid(b.Span));
        var deadLetters = CreateTestProbe();
        node.System.EventStream.Subscribe<Runtime.Event.DeadLetter>(deadLetters.Ref);

        echo.Tell(Guid.NewGuid(), TestActor);
        echo.Tell("still connected", TestActor);

        ExpectMsg("still connected");
        var dead = deadLetters.ExpectMsg<Runtime.Event.DeadLetter>();
        Assert.Equal("spec.guid", Assert.IsType<UndeliverableRemoteMessage>(dead.Message).Manifest);
    }

    [Fact]
    public async Task Remoting_must_log_and_dead_letter_a_message_it_cannot_serialize_and_keep_the_connection()
    {
        var node = await StartNodeAsync();
        var echo = RemoteRef(node, node.System.ActorOf(Props.Create<EchoActor>(), "echo"));

        await EventFilter.Error(contains: "no serializer is registered").ExpectOneAsync(() =>
        {
            echo.Tell(new Unregistered(), TestActor);
            return Task.CompletedTask;
        });
        echo.Tell("after", TestActor);

        ExpectMsg("after");
    }

    [Fact]
    public async Task Remoting_must_turn_a_remote_failure_reply_into_a_RemoteException()
    {
        var node = await StartNodeAsync();
        var echo = RemoteRef(node, node.System.ActorOf(Props.Create<EchoActor>(), "echo"));

        var error = await Assert.ThrowsAsync<RemoteException>(() =>
            echo.Ask(new Status.Failure(new InvalidOperationException("boom")), TimeSpan.FromSeconds(5)));

        Assert.Equal(typeof(InvalidOperationException).FullName, error.ExceptionType);
        Assert.Equal("boom", error.Message);
    }

    [Fact]
    public async Task Remoting_must_bind_a_free_port_and_advertise_it()
    {
        var node = await StartNodeAsync();

        Assert.NotEqual(0, node.Address.Port);
        Assert.Equal("127.0.0.1", node.Address.Host);
        Assert.Equal(node.Address, node.System.DefaultAddress);
    }

    [Fact]
    public async Task Remoting_must_refuse_to_start_twice_on_one_system()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Remoting.StartAsync(Sys, LoopbackSettings()));
    }

    private sealed class Unregistered;
}
