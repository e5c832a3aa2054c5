using System.Collections.Concurrent;
using ActorMap.Cluster.FailureDetection;
using ActorMap.Runtime.Actor;
using ActorMap.TestKit;

namespace ActorMap.Cluster.Tests;

/// <summary>
/// Several actor systems in one process sharing a manual clock, their cluster daemons wired to
/// each other directly (no network): the membership protocol without the transport.
/// </summary>
internal sealed class InProcessCluster : IDisposable
{
    private readonly ConcurrentDictionary<Address, IActorRef> _daemons = new();
    private readonly List<ActorSystem> _systems = [];

    public ManualClock Clock { get; } = new();

    public ConcurrentQueue<Address> Terminated { get; } = new();

    public static ClusterSettings Settings(int minMembers = 1, params Address[] seeds) => new(
        "test", [.. seeds], ["worker"], minMembers,
        DownUnreachableAfter: TimeSpan.FromSeconds(5),
        JoinRetryMinBackoff: TimeSpan.FromMilliseconds(500),
        JoinRetryMaxBackoff: TimeSpan.FromSeconds(2),
        AllowLocalRoutees: true,
        new FailureDetectorSettings(8, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100), 100, TimeSpan.FromSeconds(1)));

    public Cluster Start(string name, ClusterSettings settings)
    {
        var system = ActorSystem.Create(name, new ActorSystemSettings { TimeProvider = Clock });
        _systems.Add(system);
        var cluster = Cluster.Start(system, settings, workers: 2,
            daemonAt: address => _daemons.TryGetValue(address, out var daemon) ? daemon : system.DeadLetters,
            onNodeTerminated: Terminated.Enqueue);
        _daemons[system.Address] = cluster.Daemon;
        return cluster;
    }

    public void Kill(Cluster node) => node.System.Terminate().Wait(TimeSpan.FromSeconds(10));

    public void Dispose()
    {
        foreach (var system in _systems)
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }
    }
}
