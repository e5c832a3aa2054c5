using System.Collections.Immutable;
using ActorMap.Runtime.Actor;

namespace ActorMap.Cluster.Membership;

/// <summary>A node's address plus the incarnation that joined, so a restarted node is a new member.</summary>
public sealed record UniqueAddress(Address Address, long Uid) : IComparable<UniqueAddress>
{
    public int CompareTo(UniqueAddress? other) =>
        other is null ? 1 : string.CompareOrdinal(Address.ToString(), other.Address.ToString()) is var c && c != 0 ? c : Uid.CompareTo(other.Uid);

    public override string ToString() => $"{Address}#{Uid}";
}

/// <summary>One node of the cluster as the leader sees it.</summary>
public sealed record Member(UniqueAddress UniqueAddress, MemberStatus Status, ImmutableArray<string> Roles, int Workers)
{
    public Address Address => UniqueAddress.Address;

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public Member WithStatus(MemberStatus status) => this with { Status = status };

    public bool Equals(Member? other) =>
        other is not null && UniqueAddress == other.UniqueAddress && Status == other.Status
        && Workers == other.Workers && Roles.SequenceEqual(other.Roles, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(UniqueAddress, Status, Workers);

    public override string ToString() => $"Member({Address}, {Status}, roles [{string.Join(", ", Roles)}], {Workers} workers)";
}
