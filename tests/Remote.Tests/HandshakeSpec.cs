using ActorMap.Remote.Tests.Support;
using ActorMap.Runtime.Actor;
using ActorMap.Runtime.Event;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActorMap.Remote.Tests;

public sealed class HandshakeSpec(ITestOutputHelper output) : RemoteSpec(output)
{
    [Fact]
    public async Task Handshake_must_refuse_a_peer_with_another_secret()
    {
        var node = await StartNodeAsync(LoopbackSettings(secret: "another-secret"));

        await ExpectRefusedAsync(node, ActorPath.RootOf(node.Address), "proof of the shared secret is wrong");
    }

    [Fact]
    public async Task Handshake_must_refuse_a_peer_of_another_cluster()
    {
        var node = await StartNodeAsync(name: "other-cluster");

        // This node dials it as a member of its own cluster, on the other node's port.
        var root = ActorPath.RootOf(Remoting.LocalAddress with { Port = node.Address.Port });
        await ExpectRefusedAsync(node, root, "cluster name");
    }

    [Fact]
    public async Task Handshake_must_refuse_a_peer_speaking_another_protocol_version()
    {
        var node = await StartNodeAsync(LoopbackSettings() with { ProtocolVersion = 99 });

        await ExpectRefusedAsync(node, ActorPath.RootOf(node.Address), "protocol version");
    }

    private async Task ExpectRefusedAsync(Node node, ActorPath root, string reason)
    {
        node.System.ActorOf(Props.Create<EchoActor>(), "echo");
        var otherSideLog = CreateTestProbe();
        node.System.EventStream.Subscribe<LogEvent>(otherSideLog.Ref);
        var echo = Sys.ResolveActorRef(root / "user" / "echo");

        await EventFilter.Error(contains: reason).ExpectOneAsync(() =>
        {
            echo.Tell("must not arrive", TestActor);
            return Task.CompletedTask;
        });

        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        otherSideLog.FishForMessage(m => m is LogEvent { Level: LogLevel.Error } e && e.Message.Contains(reason, StringComparison.Ordinal));
    }
}
