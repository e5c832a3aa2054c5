using ActorMap.Runtime.Actor;
using Xunit.Abstractions;

namespace ActorMap.Remote.Tests.Support;

/// <summary>
/// A spec whose TestKit system runs remoting on loopback (port 0), with helpers to start more
/// nodes in the same process; every node is shut down after the spec.
/// </summary>
public abstract class RemoteSpec(ITestOutputHelper output) : TestKit.TestKit(output: output), IAsyncLifetime
{
    private readonly List<Node> _nodes = [];

    protected Remoting Remoting { get; private set; } = null!;

    internal static RemoteSettings LoopbackSettings(string secret = "spec-secret") => new()
    {
        Hostname = "127.0.0.1",
        Secret = secret,
        HandshakeTimeout = TimeSpan.FromSeconds(3),
        ConnectAttempts = 2,
        ConnectBackoff = TimeSpan.FromMilliseconds(50),
        RetryGate = TimeSpan.FromMilliseconds(100),
        AddressTerminatedGrace = TimeSpan.FromSeconds(2),
    };

    public virtual async Task InitializeAsync() => Remoting = await Remoting.StartAsync(Sys, LoopbackSettings());

    /// <summary>Another node in this process, named like the spec's system unless told otherwise.</summary>
    internal async Task<Node> StartNodeAsync(RemoteSettings? settings = null, string? name = null)
    {
        var system = ActorSystem.Create(name ?? Sys.Name);
        var remoting = await Remoting.StartAsync(system, settings ?? LoopbackSettings());
        var node = new Node(system, remoting);
        _nodes.Add(node);
        return node;
    }

    /// <summary>The ref this spec's system gets for <paramref name="actor"/> on <paramref name="node"/>.</summary>
    internal IActorRef RemoteRef(Node node, IActorRef actor) =>
        Sys.ResolveActorRef(actor.Path.WithAddress(node.Remoting.LocalAddress));

    public virtual async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
        await Remoting.DisposeAsync();
    }
}

internal sealed class Node(ActorSystem system, Remoting remoting) : IAsyncDisposable
{
    private int _disposed;

    public ActorSystem System { get; } = system;

    public Remoting Remoting { get; } = remoting;

    public Address Address => Remoting.LocalAddress;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await Remoting.DisposeAsync();
            await System.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
