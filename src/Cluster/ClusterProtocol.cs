using System.Collections.Immutable;
using ActorMap.Cluster.Membership;

namespace ActorMap.Cluster;

/// <summary>A node asks the leader to be let in.</summary>
internal sealed record Join(UniqueAddress Node, ImmutableArray<string> Roles, int Workers);

/// <summary>The leader's answer to a Join: the whole table, the newcomer in it.</summary>
internal sealed record Welcome(ClusterState State);

/// <summary>The leader's table, sent to every member whenever it changes and with every heartbeat reply.</summary>
internal sealed record StateUpdate(ClusterState State);

internal sealed record Heartbeat(UniqueAddress From);

internal sealed record HeartbeatResponse(UniqueAddress From);

/// <summary>A member asks to leave gracefully.</summary>
internal sealed record Leave(UniqueAddress Node);

/// <summary>Mark a member Down (operator action); the leader removes it on its next tick.</summary>
internal sealed record DownMember(ActorMap.Runtime.Actor.Address Address);

internal sealed class Tick
{
    public static readonly Tick Instance = new();
}

internal sealed class JoinTimeout
{
    public static readonly JoinTimeout Instance = new();
}
