using ActorMap.Cluster.Membership;
using ActorMap.Runtime.Actor;
using ActorMap.Runtime.Scheduling;

namespace ActorMap.Cluster;

internal sealed partial class ClusterDaemon
{
    private ICancelable? _joinTimer;
    private int _seedIndex;
    private TimeSpan _backoff;
    private bool _leaving;

    private void JoiningBehaviour()
    {
        Receive<Welcome>(welcome => Joined(welcome.State));
        Receive<StateUpdate>(update =>
        {
            if (update.State.Members.ContainsKey(_cluster.SelfUniqueAddress))
            {
                Joined(update.State);
            }
        });
        Receive<JoinTimeout>(_ => TryNextSeed());
        Receive<Heartbeat>(_ => Sender.Tell(new HeartbeatResponse(_cluster.SelfUniqueAddress), Self));
        Receive<Leave>(_ => _cluster.LeftCluster());
        Receive<Tick>(_ => { });
        Receive<HeartbeatResponse>(_ => { });
        Receive<DownMember>(_ => { });
    }

    private void MemberBehaviour()
    {
        Receive<StateUpdate>(update => OnLeaderState(update.State));
        Receive<Welcome>(welcome => OnLeaderState(welcome.State));
        Receive<Heartbeat>(heartbeat =>
        {
            if (heartbeat.From == _state.Leader)
            {
                DetectorFor(heartbeat.From).Heartbeat();
            }
            Sender.Tell(new HeartbeatResponse(_cluster.SelfUniqueAddress), Self);
        });
        Receive<Leave>(_ =>
        {
            _leaving = true;
            if (_state.Leader is { } leader)
            {
                DaemonAt(leader.Address).Tell(new Leave(_cluster.SelfUniqueAddress), Self);
            }
        });
        Receive<DownMember>(down =>
        {
            if (_state.Leader is { } leader)
            {
                DaemonAt(leader.Address).Tell(down, Self);
            }
        });
        Receive<Tick>(_ => MemberTick());
        Receive<HeartbeatResponse>(_ => { });
        Receive<JoinTimeout>(_ => { });
    }

    private void StartJoining()
    {
        _seedIndex = 0;
        _backoff = _settings.JoinRetryMinBackoff;
        TryNextSeed();
    }

    /// <summary>One seed at a time, in the configured order; after a full round, back off (doubling, capped).</summary>
    private void TryNextSeed()
    {
        if (_settings.SeedNodes.IsEmpty)
        {
            _log.Error("actormap.cluster.seed-nodes is empty: this node has no seed to join");
            return;
        }
        var seed = _settings.SeedNodes[_seedIndex];
        DaemonAt(seed).Tell(new Join(_cluster.SelfUniqueAddress, _settings.Roles, _cluster.Workers), Self);
        _seedIndex = (_seedIndex + 1) % _settings.SeedNodes.Length;
        var wait = _backoff;
        if (_seedIndex == 0)
        {
            _backoff = TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, _settings.JoinRetryMaxBackoff.Ticks));
        }
        _joinTimer?.Cancel();
        _joinTimer = Context.System.Scheduler.ScheduleTellOnce(wait, Self, JoinTimeout.Instance, Self);
    }

    private void Joined(ClusterState state)
    {
        _joinTimer?.Cancel();
        _detectors.Clear();
        _unreachableSince.Clear();
        if (state.Leader is { } leader)
        {
            DetectorFor(leader).Heartbeat();
        }
        Become(MemberBehaviour);
        Update(state);
    }

    private void OnLeaderState(ClusterState state)
    {
        var newLeader = state.Leader != _state.Leader;
        if (!newLeader && state.Version <= _state.Version)
        {
            return;
        }
        if (newLeader)
        {
            _detectors.Clear();
            if (state.Leader is { } leader)
            {
                DetectorFor(leader).Heartbeat();
            }
        }
        if (!state.Members.TryGetValue(_cluster.SelfUniqueAddress, out var self))
        {
            // Removed (after leaving, or downed), or a restarted leader that never met us.
            Update(state.MarkReachable(_cluster.SelfUniqueAddress));
            if (_leaving)
            {
                _cluster.LeftCluster();
            }
            else
            {
                Rejoin();
            }
            return;
        }
        Update(state);
        if (_leaving && self.Status is MemberStatus.Exiting or MemberStatus.Removed)
        {
            _cluster.LeftCluster();
        }
    }

    private void MemberTick()
    {
        if (_state.Leader is not { } leader || !_detectors.TryGetValue(leader, out var detector) || detector.IsAvailable)
        {
            if (_state.Leader is { } reachable && _unreachableSince.Remove(reachable))
            {
                Update(_state.MarkReachable(reachable));
            }
            return;
        }
        var now = _clock.GetTimestamp();
        _unreachableSince.TryAdd(leader, now);
        Update(_state.MarkUnreachable(leader));
        if (_clock.GetElapsedTime(_unreachableSince[leader], now) >= _settings.DownUnreachableAfter)
        {
            _log.Warning($"Leader {leader.Address} unreachable for {_settings.DownUnreachableAfter}; rejoining");
            Rejoin();
        }
    }

    /// <summary>Forget the old table (publishing the removals) and join again with back-off.</summary>
    private void Rejoin()
    {
        var alone = ClusterState.Empty with { Version = 0 };
        _unreachableSince.Clear();
        Update(alone);
        Become(JoiningBehaviour);
        StartJoining();
    }
}
