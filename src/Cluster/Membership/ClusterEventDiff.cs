namespace ActorMap.Cluster.Membership;

/// <summary>The events that take a node's view from one table to the next, in a stable order.</summary>
internal static class ClusterEventDiff
{
    public static List<IClusterDomainEvent> Between(ClusterState before, ClusterState after)
    {
        var events = new List<IClusterDomainEvent>();
        foreach (var member in after.Members.Values)
        {
            var previous = before.Members.GetValueOrDefault(member.UniqueAddress);
            if (previous?.Status == member.Status)
            {
                continue;
            }
            if (previous is null && member.Status != MemberStatus.Joining)
            {
                // Seen for the first time already past Joining (a node joining late gets the
                // whole table): report the joining it missed, so every node sees the same story.
                events.Add(new MemberJoined(member with { Status = MemberStatus.Joining }));
            }
            events.Add(member.Status switch
            {
                MemberStatus.Joining => new MemberJoined(member),
                MemberStatus.Up => new MemberUp(member),
                MemberStatus.Leaving => new MemberLeft(member),
                MemberStatus.Exiting => new MemberExited(member),
                MemberStatus.Down => new MemberDowned(member),
                _ => new MemberRemoved(member, previous?.Status ?? member.Status),
            });
        }
        foreach (var gone in before.Members.Values.Where(m => !after.Members.ContainsKey(m.UniqueAddress)))
        {
            events.Add(new MemberRemoved(gone with { Status = MemberStatus.Removed }, gone.Status));
        }
        foreach (var node in after.Unreachable.Except(before.Unreachable))
        {
            if (after.Members.TryGetValue(node, out var member))
            {
                events.Add(new UnreachableMember(member));
            }
        }
        foreach (var node in before.Unreachable.Except(after.Unreachable))
        {
            if (after.Members.TryGetValue(node, out var member))
            {
                events.Add(new ReachableMember(member));
            }
        }
        if (before.Leader != after.Leader)
        {
            events.Add(new LeaderChanged(after.Leader?.Address));
        }
        return events;
    }
}
