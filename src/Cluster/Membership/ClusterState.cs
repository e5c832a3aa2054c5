using System.Collections.Immutable;
using ActorMap.Runtime.Actor;

namespace ActorMap.Cluster.Membership;

/// <summary>
/// The membership table: an immutable value the leader changes and sends to every member with
/// a higher <see cref="Version"/>. Members are ordered by address, so every node renders the
/// same table the same way.
/// </summary>
public sealed record ClusterState(
    long Version,
    UniqueAddress? Leader,
    ImmutableSortedDictionary<UniqueAddress, Member> Members,
    ImmutableHashSet<UniqueAddress> Unreachable)
{
    public static readonly ClusterState Empty = new(0, null, ImmutableSortedDictionary<UniqueAddress, Member>.Empty, []);

    public IEnumerable<Member> UpMembers => Members.Values.Where(m => m.Status == MemberStatus.Up);

    public Member? MemberAt(Address address) => Members.Values.FirstOrDefault(m => m.Address == address);

    public bool IsUnreachable(Member member) => Unreachable.Contains(member.UniqueAddress);

    public ClusterState Join(Member joining)
    {
        var state = this;
        // A restarted node comes back with a new uid: its old incarnation is gone for good.
        foreach (var stale in Members.Values.Where(m => m.Address == joining.Address && m.UniqueAddress != joining.UniqueAddress))
        {
            state = state.Remove(stale.UniqueAddress);
        }
        return state.Members.ContainsKey(joining.UniqueAddress)
            ? state
            : state.Next(state.Members.SetItem(joining.UniqueAddress, joining with { Status = MemberStatus.Joining }), state.Unreachable);
    }

    public ClusterState WithStatus(UniqueAddress node, MemberStatus status) =>
        Members.TryGetValue(node, out var member) && member.Status != status
            ? Next(Members.SetItem(node, member.WithStatus(status)), Unreachable)
            : this;

    public ClusterState Remove(UniqueAddress node) =>
        Members.ContainsKey(node) ? Next(Members.Remove(node), Unreachable.Remove(node)) : this;

    public ClusterState MarkUnreachable(UniqueAddress node) =>
        Members.ContainsKey(node) && !Unreachable.Contains(node) ? Next(Members, Unreachable.Add(node)) : this;

    public ClusterState MarkReachable(UniqueAddress node) =>
        Unreachable.Contains(node) ? Next(Members, Unreachable.Remove(node)) : this;

    public ClusterState WithLeader(UniqueAddress leader) => Leader == leader ? this : this with { Version = Version + 1, Leader = leader };

    private ClusterState Next(ImmutableSortedDictionary<UniqueAddress, Member> members, ImmutableHashSet<UniqueAddress> unreachable) =>
        this with { Version = Version + 1, Members = members, Unreachable = unreachable };
}
