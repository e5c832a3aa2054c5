namespace ActorMap.Cluster.Membership;

/// <summary>
/// A member's life, as in Akka: Joining → Up → Leaving → Exiting → Removed, or Down → Removed
/// when the leader gives up on an unreachable member. Only the leader moves members.
/// </summary>
public enum MemberStatus
{
    Joining,
    Up,
    Leaving,
    Exiting,
    Down,
    Removed,
}
