using System.Collections.Immutable;
using ActorMap.Cluster.FailureDetection;
using ActorMap.Cluster.Membership;
using ActorMap.Runtime.Actor;
using ActorMap.TestKit;

namespace ActorMap.Cluster.Tests.Membership;

public class ClusterStateSpec
{
    private static readonly UniqueAddress s_seed = Node("seed", 1);
    private static readonly UniqueAddress s_a = Node("a", 2);
    private static readonly UniqueAddress s_b = Node("b", 3);

    private static UniqueAddress Node(string host, long uid) => new(new Address("actormap.tcp", "c", host, 4053), uid);

    private static Member M(UniqueAddress node) => new(node, MemberStatus.Joining, ["worker"], 2);

    private static ClusterSettings Settings(int minMembers = 1) => new(
        "c", [], [], minMembers, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), true,
        new FailureDetectorSettings(8, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(100), 100, TimeSpan.FromSeconds(1)));

    private static ClusterState Leader(ManualClock clock, ClusterState state, int minMembers = 1, IReadOnlyDictionary<UniqueAddress, long>? unreachable = null) =>
        LeaderActions.Apply(state, Settings(minMembers), unreachable ?? new Dictionary<UniqueAddress, long>(), clock);

    [Fact]
    public void Join_AddsAJoiningMemberAndBumpsTheVersion()
    {
        var state = ClusterState.Empty.Join(M(s_seed) with { Status = MemberStatus.Up });

        Assert.Equal(MemberStatus.Joining, state.Members[s_seed].Status);
        Assert.Equal(1, state.Version);
    }

    [Fact]
    public void Join_ByANewIncarnationOfAKnownAddress_ReplacesTheOldOne()
    {
        var restarted = s_a with { Uid = 99 };

        var state = ClusterState.Empty.Join(M(s_a)).Join(M(restarted));

        Assert.Single(state.Members);
        Assert.True(state.Members.ContainsKey(restarted));
    }

    [Fact]
    public void LeaderActions_HoldJoiningMembersUntilMinNrOfMembersHaveJoined()
    {
        var clock = new ManualClock();
        var two = ClusterState.Empty.Join(M(s_seed)).Join(M(s_a));

        var held = Leader(clock, two, minMembers: 3);
        var released = Leader(clock, held.Join(M(s_b)), minMembers: 3);

        Assert.All(held.Members.Values, m => Assert.Equal(MemberStatus.Joining, m.Status));
        Assert.All(released.Members.Values, m => Assert.Equal(MemberStatus.Up, m.Status));
    }

    [Fact]
    public void LeaderActions_MoveALeavingMemberThroughExitingToRemoved()
    {
        var clock = new ManualClock();
        var up = Leader(clock, ClusterState.Empty.Join(M(s_seed)).Join(M(s_a)));

        var exiting = Leader(clock, up.WithStatus(s_a, MemberStatus.Leaving));
        var removed = Leader(clock, exiting);

        Assert.Equal(MemberStatus.Exiting, exiting.Members[s_a].Status);
        Assert.False(removed.Members.ContainsKey(s_a));
    }

    [Fact]
    public void LeaderActions_DownAndRemoveAMemberUnreachableForTooLong()
    {
        var clock = new ManualClock();
        var up = Leader(clock, ClusterState.Empty.Join(M(s_seed)).Join(M(s_a))).MarkUnreachable(s_a);
        var since = new Dictionary<UniqueAddress, long> { [s_a] = clock.GetTimestamp() };

        clock.Advance(TimeSpan.FromSeconds(5));
        var stillThere = Leader(clock, up, unreachable: since);
        clock.Advance(TimeSpan.FromSeconds(5));
        var gone = Leader(clock, stillThere, unreachable: since);

        Assert.True(stillThere.Members.ContainsKey(s_a));
        Assert.False(gone.Members.ContainsKey(s_a));
    }

    [Fact]
    public void Diff_ReportsTransitionsRemovalsAndReachability()
    {
        var before = ClusterState.Empty.Join(M(s_seed)).Join(M(s_a)).Join(M(s_b));
        var after = before.WithStatus(s_seed, MemberStatus.Up).Remove(s_b).MarkUnreachable(s_a);

        var events = ClusterEventDiff.Between(before, after);

        Assert.Contains(events, e => e is MemberUp up && up.Member.UniqueAddress == s_seed);
        Assert.Contains(events, e => e is MemberRemoved removed && removed.Member.UniqueAddress == s_b && removed.PreviousStatus == MemberStatus.Joining);
        Assert.Contains(events, e => e is UnreachableMember u && u.Member.UniqueAddress == s_a);
        Assert.Equal(3, events.Count);
    }

    [Fact]
    public void Diff_ForANodeSeeingTheTableFirstTime_ReportsJoinedThenUp()
    {
        var table = ClusterState.Empty.Join(M(s_seed)).WithStatus(s_seed, MemberStatus.Up);

        var events = ClusterEventDiff.Between(ClusterState.Empty, table);

        Assert.IsType<MemberJoined>(events[0]);
        Assert.IsType<MemberUp>(events[1]);
    }

    [Fact]
    public void Members_AreOrderedByAddress()
    {
        var state = ClusterState.Empty.Join(M(s_seed)).Join(M(s_b)).Join(M(s_a));

        Assert.Equal(["a", "b", "seed"], state.Members.Values.Select(m => m.Address.Host!));
        _ = ImmutableArray<string>.Empty;
    }
}
