using ActorMap.Runtime.Actor;

namespace ActorMap.Cluster.Membership;

/// <summary>Marker for everything the cluster publishes on the event stream.</summary>
public interface IClusterDomainEvent;

public abstract record MemberEvent(Member Member) : IClusterDomainEvent;

public sealed record MemberJoined(Member Member) : MemberEvent(Member);

public sealed record MemberUp(Member Member) : MemberEvent(Member);

/// <summary>The member asked to leave (status Leaving).</summary>
public sealed record MemberLeft(Member Member) : MemberEvent(Member);

public sealed record MemberExited(Member Member) : MemberEvent(Member);

public sealed record MemberDowned(Member Member) : MemberEvent(Member);

public sealed record MemberRemoved(Member Member, MemberStatus PreviousStatus) : MemberEvent(Member);

public abstract record ReachabilityEvent(Member Member) : IClusterDomainEvent;

public sealed record UnreachableMember(Member Member) : ReachabilityEvent(Member);

public sealed record ReachableMember(Member Member) : ReachabilityEvent(Member);

public sealed record LeaderChanged(Address? Leader) : IClusterDomainEvent;

/// <summary>Sent first to a new subscriber: the table as it is now.</summary>
public sealed record CurrentClusterState(IReadOnlyList<Member> Members, IReadOnlyList<Member> Unreachable, Address? Leader)
    : IClusterDomainEvent;
