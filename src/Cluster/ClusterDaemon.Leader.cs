using ActorMap.Cluster.Membership;
using ActorMap.Runtime.Actor;

namespace ActorMap.Cluster;

internal sealed partial class ClusterDaemon
{
    private void LeaderBehaviour()
    {
        Receive<Join>(join =>
        {
            var member = new Member(join.Node, MemberStatus.Joining, join.Roles, join.Workers);
            var next = LeaderActions.Apply(_state.Join(member), _settings, _unreachableSince, _clock);
            // A fresh detector: the old incarnation's history says nothing about this one.
            _detectors.Remove(join.Node);
            DetectorFor(join.Node).Heartbeat();
            Update(next);
            DaemonAt(join.Node.Address).Tell(new Welcome(_state), Self);
            Broadcast();
        });
        Receive<HeartbeatResponse>(response =>
        {
            if (_state.Members.ContainsKey(response.From))
            {
                DetectorFor(response.From).Heartbeat();
            }
        });
        Receive<Heartbeat>(heartbeat => Sender.Tell(new HeartbeatResponse(_cluster.SelfUniqueAddress), Self));
        Receive<Leave>(leave =>
        {
            // Leaving now, Exiting on the next tick: every node gets to see MemberLeft first.
            Update(_state.WithStatus(leave.Node, MemberStatus.Leaving));
            Broadcast();
        });
        Receive<DownMember>(down =>
        {
            if (_state.MemberAt(down.Address) is { } member && member.UniqueAddress != _cluster.SelfUniqueAddress)
            {
                Update(_state.WithStatus(member.UniqueAddress, MemberStatus.Down));
                Broadcast();
            }
        });
        Receive<Tick>(_ => LeaderTick());
        Receive<StateUpdate>(_ => { });
        Receive<Welcome>(_ => { });
    }

    private void LeaderTick()
    {
        var now = _clock.GetTimestamp();
        var state = _state;
        foreach (var member in _state.Members.Values)
        {
            if (member.UniqueAddress == _cluster.SelfUniqueAddress)
            {
                continue;
            }
            var detector = DetectorFor(member.UniqueAddress);
            if (detector.IsMonitoring && !detector.IsAvailable)
            {
                _unreachableSince.TryAdd(member.UniqueAddress, now);
                state = state.MarkUnreachable(member.UniqueAddress);
            }
            else
            {
                _unreachableSince.Remove(member.UniqueAddress);
                state = state.MarkReachable(member.UniqueAddress);
            }
        }
        Update(LeaderActions.Apply(state, _settings, _unreachableSince, _clock));
        Broadcast();
    }

    /// <summary>
    /// Heartbeat and table to every other member, every tick: a member that missed an update
    /// (a reconnect, a lost message) is repaired by the next one.
    /// </summary>
    private void Broadcast()
    {
        var update = new StateUpdate(_state);
        var heartbeat = new Heartbeat(_cluster.SelfUniqueAddress);
        foreach (var member in _state.Members.Values)
        {
            if (member.UniqueAddress != _cluster.SelfUniqueAddress)
            {
                var daemon = DaemonAt(member.Address);
                daemon.Tell(update, Self);
                daemon.Tell(heartbeat, Self);
            }
        }
    }
}
