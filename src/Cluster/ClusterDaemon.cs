using ActorMap.Cluster.FailureDetection;
using ActorMap.Cluster.Membership;
using ActorMap.Runtime.Actor;
using ActorMap.Runtime.Event;
using ActorMap.Runtime.Scheduling;

namespace ActorMap.Cluster;

/// <summary>
/// /system/cluster on every node. On the Seed it is the leader: it owns the membership table,
/// admits joiners, heartbeats every member through a phi detector, and sends the table to all.
/// On a WorkerNode it joins a seed (retrying with back-off), follows the leader's table, answers
/// heartbeats, and rejoins by itself when the leader is gone for good (a Seed restart).
/// </summary>
internal sealed partial class ClusterDaemon : ReceiveActor
{
    private readonly Cluster _cluster;
    private readonly ClusterSettings _settings;
    private readonly TimeProvider _clock;
    private readonly ILoggingAdapter _log;
    private readonly Dictionary<UniqueAddress, PhiAccrualFailureDetector> _detectors = [];
    private readonly Dictionary<UniqueAddress, long> _unreachableSince = [];
    private ClusterState _state = ClusterState.Empty;
    private ICancelable? _ticks;

    public ClusterDaemon(Cluster cluster)
    {
        _cluster = cluster;
        _settings = cluster.Settings;
        _clock = Context.System.TimeProvider;
        _log = Context.GetLogger();
        if (cluster.IsLeaderNode)
        {
            LeaderBehaviour();
        }
        else
        {
            JoiningBehaviour();
        }
    }

    private Member SelfMember => new(_cluster.SelfUniqueAddress, MemberStatus.Joining, _settings.Roles, _cluster.Workers);

    protected override void PreStart()
    {
        var interval = _settings.FailureDetector.HeartbeatInterval;
        _ticks = Context.System.Scheduler.ScheduleTellRepeatedly(interval, interval, Self, Tick.Instance, Self);
        if (_cluster.IsLeaderNode)
        {
            Update(ClusterState.Empty.Join(SelfMember).WithLeader(_cluster.SelfUniqueAddress));
            LeaderTick();
        }
        else
        {
            StartJoining();
        }
    }

    protected override void PostStop()
    {
        _ticks?.Cancel();
        _joinTimer?.Cancel();
        _cluster.Stopped();
    }

    private IActorRef DaemonAt(Address address) => _cluster.DaemonAt(address);

    private PhiAccrualFailureDetector DetectorFor(UniqueAddress node)
    {
        if (!_detectors.TryGetValue(node, out var detector))
        {
            detector = new PhiAccrualFailureDetector(_settings.FailureDetector, _clock);
            _detectors[node] = detector;
        }
        return detector;
    }

    /// <summary>Adopts a new table: publishes the difference and ends remote watches on nodes that left.</summary>
    private void Update(ClusterState next)
    {
        if (ReferenceEquals(next, _state))
        {
            return;
        }
        var previous = _state;
        _state = next;
        var events = ClusterEventDiff.Between(previous, next);
        foreach (var gone in previous.Members.Keys.Where(n => !next.Members.ContainsKey(n)))
        {
            _detectors.Remove(gone);
            _unreachableSince.Remove(gone);
            if (gone != _cluster.SelfUniqueAddress)
            {
                _cluster.NodeTerminated(gone.Address);
            }
        }
        _cluster.Publish(next, events);
        foreach (var e in events)
        {
            _log.Debug($"{e}");
        }
    }
}
