using ActorMap.Messages.Compute;
using Akka.Actor;
using Akka.Cluster;

namespace ActorMap.Hosting.Jobs;

/// <summary>The dashboard's part of <see cref="StatusView"/>: load reports and membership events.</summary>
internal sealed partial class StatusView
{
    // Enough to see what happened around a failure, few enough to send every second.
    public const int EventsKept = 50;

    private readonly Dictionary<Address, (NodeLoad Load, DateTimeOffset At)> _loads = [];
    private readonly LinkedList<MembershipEvent> _events = new();

    private void ReceiveDashboard()
    {
        // A node's own reports arrive through a local reference, others' from their address.
        Receive<NodeLoad>(load => _loads[Sender.Path.Address.HasLocalScope ? Cluster.Get(Context.System).SelfAddress : Sender.Path.Address] = (load, DateTimeOffset.UtcNow));
        Receive<ClusterEvent.MemberJoined>(e => Remember(e.Member, "joined"));
        Receive<ClusterEvent.MemberLeft>(e => Remember(e.Member, "left"));
        Receive<ClusterEvent.MemberExited>(e => Remember(e.Member, "exited"));
        Receive<ClusterEvent.MemberDowned>(e => Remember(e.Member, "downed"));
        Receive<ClusterEvent.UnreachableMember>(e => Remember(e.Member, "unreachable"));
        Receive<ClusterEvent.ReachableMember>(e => Remember(e.Member, "reachable"));
        Receive<MembersRequest>(_ => Sender.Tell(View(), Self));
    }

    private void Remember(Member member, string what)
    {
        _events.AddLast(new MembershipEvent(DateTimeOffset.UtcNow, member.Address.ToString(), what));
        if (_events.Count > EventsKept)
        {
            _events.RemoveFirst();
        }
    }

    private MembersView View()
    {
        var state = Cluster.Get(Context.System).State;
        var now = DateTimeOffset.UtcNow;
        var members = new List<MemberView>();
        foreach (var member in state.Members)
        {
            var address = member.Address;
            LoadView? load = null;
            if (_loads.TryGetValue(address, out var reported))
            {
                var l = reported.Load;
                load = new LoadView(Math.Round(l.CpuPercent, 1), l.WorkingSetBytes, l.GcHeapBytes, l.Workers,
                    l.WorkersBusy < 0 ? null : l.WorkersBusy, Math.Round((now - reported.At).TotalSeconds, 1));
            }
            members.Add(new MemberView(address.ToString(), [.. member.Roles], member.Status.ToString(), !state.Unreachable.Contains(member),
                _workers.GetValueOrDefault(address), _chunks.GetValueOrDefault(address),
                _upSince.TryGetValue(address, out var since) ? Math.Round((now - since).TotalSeconds) : 0,
                _late.GetValueOrDefault(address), _redispatched.GetValueOrDefault(address), load));
        }
        return new MembersView(state.Leader?.ToString() ?? "", members, [.. _events.Reverse()], _lateTotal, _redispatchedTotal);
    }
}

/// <summary>To the Seed's /user/status: answered with a <see cref="MembersView"/>.</summary>
internal sealed class MembersRequest
{
    public static readonly MembersRequest Instance = new();
}

/// <summary>The cluster as the dashboard shows it; events newest first.</summary>
internal sealed record MembersView(string Leader, IReadOnlyList<MemberView> Members, IReadOnlyList<MembershipEvent> Events,
    long LateResultsDropped, long ChunksRedispatched);

internal sealed record MemberView(string Address, IReadOnlyList<string> Roles, string Status, bool Reachable, int Workers,
    long ChunksDone, double UptimeSeconds, long LateResultsDropped, long ChunksRedispatched, LoadView? Load);

/// <summary>A node's last load report; <c>WorkersBusy</c> is null where the node cannot tell, <c>AgeSeconds</c> how old it is.</summary>
internal sealed record LoadView(double CpuPercent, long WorkingSetBytes, long GcHeapBytes, int Workers, int? WorkersBusy, double AgeSeconds);

internal sealed record MembershipEvent(DateTimeOffset At, string Member, string Event);
