using ActorMap.Cluster.Membership;
using ActorMap.Runtime.Actor;

namespace ActorMap.Cluster.Tests.Membership;

//   seed (leader) ◄── w1, w2 join; heartbeats seed ⇄ members; table broadcast by the seed
public sealed class MembershipSpec : TestKit.TestKit, IDisposable
{
    private readonly InProcessCluster _nodes = new();

    /// <summary>Moves the shared clock a heartbeat at a time until the condition holds on every call.</summary>
    private void Until(Func<bool> condition, string what) =>
        AwaitAssert(() =>
        {
            _nodes.Clock.Advance(TimeSpan.FromMilliseconds(250));
            Assert.True(condition(), what);
        }, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(10));

    private static bool AllUp(Cluster node, int count) =>
        node.State.Members.Count == count && node.State.Members.Values.All(m => m.Status == MemberStatus.Up);

    private (Cluster Seed, Cluster W1, Cluster W2) ThreeNodes(int minMembers = 1)
    {
        var seed = _nodes.Start("seed", InProcessCluster.Settings(minMembers));
        var seedAddress = seed.SelfAddress;
        var w1 = _nodes.Start("w1", InProcessCluster.Settings(minMembers, seedAddress));
        var w2 = _nodes.Start("w2", InProcessCluster.Settings(minMembers, seedAddress));
        return (seed, w1, w2);
    }

    [Fact]
    public void Nodes_must_join_the_seed_and_all_become_Up_on_every_node()
    {
        var (seed, w1, w2) = ThreeNodes();

        Until(() => AllUp(seed, 3) && AllUp(w1, 3) && AllUp(w2, 3), "three members Up everywhere");

        Assert.Equal(seed.SelfUniqueAddress, w1.State.Leader);
        Assert.True(w2.WhenUp.IsCompletedSuccessfully);
    }

    [Fact]
    public void Leader_must_hold_members_in_Joining_until_min_nr_of_members_have_joined()
    {
        var seed = _nodes.Start("seed", InProcessCluster.Settings(minMembers: 3));
        var w1 = _nodes.Start("w1", InProcessCluster.Settings(3, seed.SelfAddress));
        Until(() => seed.State.Members.Count == 2, "two members");
        _nodes.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.All(seed.State.Members.Values, m => Assert.Equal(MemberStatus.Joining, m.Status));

        var w2 = _nodes.Start("w2", InProcessCluster.Settings(3, seed.SelfAddress));

        Until(() => AllUp(seed, 3) && AllUp(w1, 3) && AllUp(w2, 3), "all Up once three have joined");
    }

    [Fact]
    public void Subscriber_must_get_the_current_state_then_member_events()
    {
        var seed = _nodes.Start("seed", InProcessCluster.Settings());
        Until(() => AllUp(seed, 1), "seed Up");
        seed.Subscribe(TestActor);
        ExpectMsg<CurrentClusterState>(s => s.Members.Count == 1);

        _nodes.Start("w1", InProcessCluster.Settings(1, seed.SelfAddress));
        Until(() => AllUp(seed, 2), "w1 Up");

        ExpectMsg<MemberJoined>(e => e.Member.Address.System == "w1");
        FishForMessage(m => m is MemberUp up && up.Member.Address.System == "w1");
    }

    [Fact]
    public void A_member_that_leaves_must_go_through_Exiting_and_be_removed_everywhere()
    {
        var (seed, w1, w2) = ThreeNodes();
        Until(() => AllUp(seed, 3) && AllUp(w2, 3), "formed");
        var probe = CreateTestProbe();
        seed.System.EventStream.Subscribe<MemberEvent>(probe);

        var left = w1.LeaveAsync();

        Until(() => left.IsCompleted && !seed.State.Members.Values.Any(m => m.Address == w1.SelfAddress)
                    && w2.State.Members.Count == 2, "w1 removed");
        probe.FishForMessage(m => m is MemberLeft l && l.Member.Address == w1.SelfAddress);
        probe.FishForMessage(m => m is MemberExited x && x.Member.Address == w1.SelfAddress);
        probe.FishForMessage(m => m is MemberRemoved r && r.Member.Address == w1.SelfAddress);
    }

    [Fact]
    public void A_member_that_dies_must_become_unreachable_then_be_removed()
    {
        var (seed, w1, w2) = ThreeNodes();
        Until(() => AllUp(seed, 3), "formed");
        var probe = CreateTestProbe();
        seed.System.EventStream.Subscribe<ReachabilityEvent>(probe);
        seed.System.EventStream.Subscribe<MemberRemoved>(probe);

        _nodes.Kill(w2);

        Until(() => seed.State.Members.Count == 2 && w1.State.Members.Count == 2, "w2 removed");
        probe.FishForMessage(m => m is UnreachableMember u && u.Member.Address == w2.SelfAddress);
        probe.FishForMessage(m => m is MemberRemoved r && r.Member.Address == w2.SelfAddress);
        Assert.Contains(w2.SelfAddress, _nodes.Terminated);
    }

    [Fact]
    public void Workers_must_rejoin_by_themselves_when_the_seed_restarts()
    {
        var (seed, w1, w2) = ThreeNodes();
        Until(() => AllUp(w1, 3) && AllUp(w2, 3), "formed");
        var oldLeader = seed.SelfUniqueAddress;

        _nodes.Kill(seed);
        var restarted = _nodes.Start("seed", InProcessCluster.Settings());

        Until(() => AllUp(restarted, 3) && AllUp(w1, 3) && AllUp(w2, 3), "re-formed around the new seed");
        Assert.NotEqual(oldLeader, w1.State.Leader);
        Assert.Equal(restarted.SelfUniqueAddress, w2.State.Leader);
    }

    [Fact]
    public void Joining_must_try_the_next_seed_when_the_first_does_not_answer()
    {
        var seed = _nodes.Start("seed", InProcessCluster.Settings());
        var absent = new Address(Address.LocalProtocol, "absent-seed");

        var w1 = _nodes.Start("w1", InProcessCluster.Settings(1, absent, seed.SelfAddress));

        Until(() => AllUp(w1, 2), "w1 joined through the second seed");
    }

    [Fact]
    public void Down_must_remove_a_member_at_the_operators_request()
    {
        var (seed, w1, w2) = ThreeNodes();
        Until(() => AllUp(seed, 3), "formed");

        w1.Down(w2.SelfAddress);

        Until(() => seed.State.Members.Count == 2 && w1.State.Members.Count == 2, "w2 downed and removed");
    }

    void IDisposable.Dispose()
    {
        _nodes.Dispose();
        Dispose();
    }
}
