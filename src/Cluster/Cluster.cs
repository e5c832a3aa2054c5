using System.Runtime.CompilerServices;
using ActorMap.Cluster.Membership;
using ActorMap.Runtime.Actor;

namespace ActorMap.Cluster;

/// <summary>
/// This node's membership in the cluster: its identity, the leader's current table, member
/// events on the system's event stream, and graceful leaving. One per actor system.
/// </summary>
public sealed class Cluster
{
    private static readonly ConditionalWeakTable<ActorSystem, Cluster> s_clusters = new();
    private readonly TaskCompletionSource _up = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _left = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<Address, IActorRef> _daemonAt;
    private readonly Action<Address>? _onNodeTerminated;
    private volatile ClusterState _state = ClusterState.Empty;
    private IActorRef _daemon = ActorRefs.Nobody;

    private Cluster(ActorSystem system, ClusterSettings settings, int workers, Func<Address, IActorRef>? daemonAt, Action<Address>? onNodeTerminated)
    {
        System = system;
        Settings = settings;
        Workers = workers;
        SelfUniqueAddress = new UniqueAddress(system.DefaultAddress, Random.Shared.NextInt64(1, long.MaxValue));
        IsLeaderNode = settings.SeedNodes.IsEmpty || settings.SeedNodes.Contains(SelfAddress);
        _daemonAt = daemonAt ?? (address => system.ResolveActorRef(ActorPath.RootOf(address) / "system" / "cluster"));
        _onNodeTerminated = onNodeTerminated;
    }

    public ActorSystem System { get; }

    public ClusterSettings Settings { get; }

    public UniqueAddress SelfUniqueAddress { get; }

    public Address SelfAddress => SelfUniqueAddress.Address;

    /// <summary>Worker actors this node offers to jobs; shown in the member table.</summary>
    public int Workers { get; }

    /// <summary>True on the Seed: it leads and admits the others.</summary>
    public bool IsLeaderNode { get; }

    /// <summary>The latest table this node knows; safe to read from any thread.</summary>
    public ClusterState State => _state;

    /// <summary>Completes when this node is Up.</summary>
    public Task WhenUp => _up.Task;

    /// <summary>
    /// Starts membership on <paramref name="system"/> (which must already have remoting started,
    /// unless <paramref name="daemonAt"/> routes to daemons another way, as in-process specs do).
    /// <paramref name="onNodeTerminated"/> is told when a member leaves the table, so remote watches end.
    /// </summary>
    public static Cluster Start(ActorSystem system, ClusterSettings settings, int workers,
        Func<Address, IActorRef>? daemonAt = null, Action<Address>? onNodeTerminated = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        var cluster = new Cluster(system, settings, workers, daemonAt, onNodeTerminated);
        if (!s_clusters.TryAdd(system, cluster))
        {
            throw new InvalidOperationException($"Cluster already started on {system}");
        }
        cluster._daemon = system.SystemActorOf(Props.Create(() => new ClusterDaemon(cluster)), "cluster");
        return cluster;
    }

    public static Cluster Get(ActorSystem system) =>
        s_clusters.TryGetValue(system, out var cluster)
            ? cluster
            : throw new InvalidOperationException($"No cluster started on {system}");

    /// <summary>Sends <see cref="CurrentClusterState"/> now, then every <see cref="IClusterDomainEvent"/>.</summary>
    public void Subscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        System.EventStream.Subscribe(subscriber, typeof(IClusterDomainEvent));
        var state = _state;
        subscriber.Tell(new CurrentClusterState(
            [.. state.Members.Values], [.. state.Members.Values.Where(state.IsUnreachable)], state.Leader?.Address), ActorRefs.NoSender);
    }

    public void Unsubscribe(IActorRef subscriber) => System.EventStream.Unsubscribe(subscriber, typeof(IClusterDomainEvent));

    /// <summary>Leaves gracefully; completes once the leader has let this node exit (or it was never in).</summary>
    public Task LeaveAsync()
    {
        _daemon.Tell(new Leave(SelfUniqueAddress), ActorRefs.NoSender);
        return _left.Task;
    }

    /// <summary>Asks the leader to down a member, as an operator would for a node known to be dead.</summary>
    public void Down(Address address) => _daemon.Tell(new DownMember(address), ActorRefs.NoSender);

    internal IActorRef Daemon => _daemon;

    internal IActorRef DaemonAt(Address address) => _daemonAt(address);

    internal void Publish(ClusterState state, List<IClusterDomainEvent> events)
    {
        _state = state;
        foreach (var e in events)
        {
            System.EventStream.Publish(e);
        }
        if (state.Members.TryGetValue(SelfUniqueAddress, out var self) && self.Status == MemberStatus.Up)
        {
            _up.TrySetResult();
        }
    }

    internal void NodeTerminated(Address address) => _onNodeTerminated?.Invoke(address);

    internal void LeftCluster() => _left.TrySetResult();

    internal void Stopped() => _left.TrySetResult();
}
