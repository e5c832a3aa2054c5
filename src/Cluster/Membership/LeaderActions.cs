namespace ActorMap.Cluster.Membership;

/// <summary>
/// What the leader does on each tick, as a pure function of the table: down members unreachable
/// for too long, remove those Down or Exiting, let Leaving members exit, and move Joining
/// members Up once <c>min-nr-of-members</c> have joined.
/// </summary>
internal static class LeaderActions
{
    public static ClusterState Apply(ClusterState state, ClusterSettings settings, IReadOnlyDictionary<UniqueAddress, long> unreachableSince, TimeProvider clock)
    {
        var now = clock.GetTimestamp();
        foreach (var (node, since) in unreachableSince)
        {
            if (clock.GetElapsedTime(since, now) >= settings.DownUnreachableAfter)
            {
                state = state.WithStatus(node, MemberStatus.Down);
            }
        }
        foreach (var member in state.Members.Values.ToList())
        {
            state = member.Status switch
            {
                MemberStatus.Down or MemberStatus.Exiting => state.Remove(member.UniqueAddress),
                MemberStatus.Leaving => state.WithStatus(member.UniqueAddress, MemberStatus.Exiting),
                _ => state,
            };
        }
        var joined = state.Members.Values.Count(m => m.Status is MemberStatus.Joining or MemberStatus.Up);
        if (joined >= settings.MinNrOfMembers)
        {
            foreach (var member in state.Members.Values.Where(m => m.Status == MemberStatus.Joining && !state.IsUnreachable(m)).ToList())
            {
                state = state.WithStatus(member.UniqueAddress, MemberStatus.Up);
            }
        }
        return state;
    }
}
