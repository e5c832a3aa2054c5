using ActorMap.Cluster.Membership;
using ActorMap.Remote;
using ActorMap.Runtime.Actor;

namespace ActorMap.Cluster.Tests.Membership;

/// <summary>Membership over real loopback TCP: three actor systems in this process, remoting between them.</summary>
public sealed class TcpMembershipSpec : TestKit.TestKit, IAsyncLifetime
{
    private readonly List<(ActorSystem System, Remoting Remoting)> _nodes = [];

    private static ClusterSettings Settings(params Address[] seeds) => InProcessCluster.Settings(1, seeds) with
    {
        Name = "tcp",
        FailureDetector = InProcessCluster.Settings().FailureDetector with
        {
            HeartbeatInterval = TimeSpan.FromMilliseconds(200),
            AcceptableHeartbeatPause = TimeSpan.FromSeconds(1),
        },
        DownUnreachableAfter = TimeSpan.FromSeconds(2),
    };

    private async Task<Cluster> StartNode(string secret, params Address[] seeds)
    {
        var system = ActorSystem.Create("tcp");
        var remote = new RemoteSettings { Hostname = "127.0.0.1", Port = 0, Secret = secret };
        var (remoting, cluster) = await ClusterNode.StartAsync(system, Settings(seeds), remote, workers: 2);
        _nodes.Add((system, remoting));
        return cluster;
    }

    private static bool AllUp(Cluster node, int count) =>
        node.State.Members.Count == count && node.State.Members.Values.All(m => m.Status == MemberStatus.Up);

    [Fact]
    public async Task Nodes_must_form_a_cluster_over_tcp_and_see_a_killed_member_removed()
    {
        var seed = await StartNode("s3cret");
        var w1 = await StartNode("s3cret", seed.SelfAddress);
        var w2 = await StartNode("s3cret", seed.SelfAddress);

        AwaitAssert(() => Assert.True(AllUp(seed, 3) && AllUp(w1, 3) && AllUp(w2, 3)), TimeSpan.FromSeconds(15));

        await w2.System.Terminate();
        AwaitAssert(() => Assert.True(seed.State.Members.Count == 2 && w1.State.Members.Count == 2), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_node_with_the_wrong_secret_must_never_become_a_member()
    {
        var seed = await StartNode("right");
        var intruder = await StartNode("wrong", seed.SelfAddress);
        var friend = await StartNode("right", seed.SelfAddress);

        AwaitAssert(() => Assert.True(AllUp(seed, 2) && AllUp(friend, 2)), TimeSpan.FromSeconds(15));
        Assert.DoesNotContain(seed.State.Members.Values, m => m.Address == intruder.SelfAddress);
        Assert.DoesNotContain(intruder.State.Members.Values, m => m.Status == MemberStatus.Up);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (system, remoting) in _nodes)
        {
            await remoting.DisposeAsync();
            await system.Terminate();
        }
    }
}
