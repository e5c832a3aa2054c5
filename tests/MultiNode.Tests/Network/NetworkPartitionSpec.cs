using ActorMap.MultiNode.Tests.Support;
using Xunit.Abstractions;

namespace ActorMap.MultiNode.Tests.Network;

//   client ── bridge ─┬─ seed (2 workers)    198.18.0.1
//                     ├─ w1   (2 workers)    198.18.0.11
//                     ├─ w2   (2 workers)    198.18.0.12   the one cut off, in most cases
//                     └─ w3   (2 workers)    198.18.0.13   in the split-brain case only
/// <summary>
/// Network cuts between real processes in network namespaces, while a gated job runs: each fault
/// strikes once the victim has run chunks and holds gated ones, and the gate opens only once the
/// Seed has withdrawn the victim, so what it held can only come back re-dispatched.
/// </summary>
[Trait("Category", "MultiNode")]
[Trait("Category", "Netns")]
public sealed class NetworkPartitionSpec(ITestOutputHelper output) : IAsyncLifetime
{
    private const string GatedJob = "gated identity over 0..20000 in chunks of 50";

    private NetnsCluster? _cluster;

    private NetnsCluster Cluster => _cluster ?? throw new InvalidOperationException("InitializeAsync has not run");

    [NetnsFact]
    public async Task A_WorkerNode_cut_off_mid_job_must_be_withdrawn_and_downed_while_the_job_completes()
    {
        _cluster = new NetnsCluster(output);
        var workers = await Cluster.StartClusterAsync(workers: 2);
        var victim = workers[1];
        await CompleteThroughCutAsync(victim, () => Cluster.HostOf(victim).CutLink());
        // Downed and removed: whether its process exits or rejoins in-process, it cannot come
        // back while cut off, and never under its old incarnation.
        await Cluster.AwaitStatusAsync(status =>
            Assert.True(status.MemberOf(victim) is null, $"{victim} is still a member: {status}"), Timeouts.Membership);
    }

    [NetnsFact]
    public async Task A_one_way_cut_from_a_WorkerNode_to_the_Seed_must_not_stop_the_job_from_completing()
    {
        // Seed and victim alone: the cut is clean, no third node relays what each side saw.
        _cluster = new NetnsCluster(output);
        var victim = (await Cluster.StartClusterAsync(workers: 1))[0];
        // The victim's packets to the Seed vanish; the Seed's still reach the victim.
        await CompleteThroughCutAsync(victim, () => Cluster.HostOf(victim).Blackhole(Cluster.SeedHost.Address));
        await Cluster.AwaitStatusAsync(status =>
        {
            Assert.True(status.MemberOf(victim) is null, $"{victim} is still a member: {status}");
            Assert.True(status.MemberOf(Cluster.Seed!) is { IsUp: true }, $"the Seed is not Up: {status}");
        }, Timeouts.Membership);
    }

    // Akka's split-brain resolver failed this one (it downed both ends of the cut, the Seed
    // included); ActorMap's downing never downs the Seed.
    [NetnsFact]
    public async Task A_one_way_cut_that_another_WorkerNode_bridges_must_leave_the_Seeds_side_Up()
    {
        _cluster = new NetnsCluster(output);
        var workers = await Cluster.StartClusterAsync(workers: 2);
        var victim = workers[1];
        // The victim's packets to the Seed vanish; the Seed's still reach it, and the victim
        // and w1 still reach each other, so w1 gossips what each end of the cut observes.
        await CompleteThroughCutAsync(victim, () => Cluster.HostOf(victim).Blackhole(Cluster.SeedHost.Address));
        await Cluster.AwaitStatusAsync(status =>
        {
            Assert.True(status.MemberOf(victim) is null, $"{victim} is still a member: {status}");
            Assert.True(status.MemberOf(workers[0]) is { IsUp: true, Reachable: true }, $"{workers[0]} is not Up and reachable: {status}");
        }, Timeouts.Membership);
        // The job may end before anyone is downed: the Seed must still be Up once the victim is
        // (downed by the Seed, or by itself when it stopped hearing the Seed first).
        await Cluster.Seed!.WaitForLineAsync(" is Down", Timeouts.Membership);
        var after = await Cluster.StatusAsync();
        Assert.True(after.MemberOf(Cluster.Seed!) is { IsUp: true }, $"the Seed is not Up: {after}");
    }

    [NetnsFact]
    public async Task The_Seeds_side_of_a_split_brain_must_finish_the_job_and_take_the_other_side_back_as_new_incarnations_after_the_heal()
    {
        _cluster = new NetnsCluster(output);
        var workers = await Cluster.StartClusterAsync(workers: 3);
        NodeProcess[] seedSide = [Cluster.Seed!, workers[0]];
        NodeProcess[] cutSide = [workers[1], workers[2]];
        var console = await StartGatedJobAsync(cutSide);

        // {Seed, w1} | {w2, w3}: each side drops what it sends to the other; within a side all flows.
        var partition = seedSide.SelectMany(a => cutSide.Select(b => (A: Cluster.HostOf(a), B: Cluster.HostOf(b)))).ToList();
        foreach (var (a, b) in partition)
        {
            a.Blackhole(b.Address);
            b.Blackhole(a.Address);
        }
        await Task.WhenAll(cutSide.Select(w => Cluster.WithdrawnAsync(w, Timeouts.Membership)));
        Cluster.OpenGate();
        var result = await Cluster.FinishJobAsync(console, GatedJob);

        Assert.True(result.ExitCode == 0, result.ToString());
        JobGate.AssertComplete(result);
        await Cluster.AwaitStatusAsync(status =>
        {
            foreach (var node in cutSide)
            {
                Assert.True(status.MemberOf(node) is null, $"{node} is still a member: {status}");
            }
        }, Timeouts.Membership);

        var healedAt = Cluster.Seed!.Output.Count;
        foreach (var (a, b) in partition)
        {
            a.RemoveBlackhole(b.Address);
            b.RemoveBlackhole(a.Address);
        }
        var comeback = await AwaitBackAsync(cutSide, healedAt);
        var next = await Cluster.FinishJobAsync(await StartJobAsync(), "the job after the heal");

        Assert.True(next.ExitCode == 0, next.ToString());
        JobGate.AssertComplete(next);
        var after = await Cluster.StatusAsync();
        foreach (var node in comeback)
        {
            Assert.True(after.MemberOf(node) is { IsUp: true, ChunksDone: > 0 }, $"{node} is not Up in the Seed's cluster or ran no chunk: {after}");
        }
        // Never a cluster of their own: each cut-off node was downed on its own side (by its own
        // resolver, or by its peer's gossip, on which Akka shuts down before any member event)
        // and never downed a member of the Seed's side. (A node that shuts down lists every
        // member as removed, so removals prove nothing.)
        foreach (var node in cutSide)
        {
            await node.Process.WaitForLineAsync(
                l => l.Text.Contains($"MemberDowned: {AddressOf(node)} is Down", StringComparison.Ordinal)
                    || l.Text.Contains("Node has been marked as DOWN", StringComparison.Ordinal),
                Timeouts.Membership, "saying that it was downed");
        }
        foreach (var node in cutSide.Concat(comeback))
        {
            var coup = node.Output.Snapshot().Where(l =>
                l.Text.Contains("MemberDowned", StringComparison.Ordinal)
                && seedSide.Any(s => l.Text.Contains("@" + s.Endpoint + " ", StringComparison.Ordinal))).ToList();
            Assert.True(coup.Count == 0, $"{node} downed a member of the Seed's side:\n{string.Join('\n', coup)}");
        }
    }

    [NetnsFact]
    public async Task A_2_second_cut_that_TCP_survives_must_cost_no_result_and_duplicate_none()
    {
        // Unreachable within about a second, downed only after 15 s: the cut outlasts the failure
        // detector, so the victim's chunks are re-dispatched, and heals long before anyone is downed.
        _cluster = new NetnsCluster(output, new NetnsClusterOptions
        {
            HeartbeatInterval = TimeSpan.FromMilliseconds(250),
            AcceptableHeartbeatPause = TimeSpan.FromMilliseconds(750),
            StableAfter = TimeSpan.FromSeconds(15),
        });
        var workers = await Cluster.StartClusterAsync(workers: 2);
        var victim = workers[1];
        var victimHost = Cluster.HostOf(victim);
        var console = await StartGatedJobAsync(victim);
        var connections = victimHost.ConnectionsWith(Cluster.SeedHost.Address);
        Assert.True(connections.Count > 0, $"{victim} has no connection with the Seed; its connections: {string.Join(", ", victimHost.ConnectionsWith(""))}");

        var cut = System.Diagnostics.Stopwatch.StartNew();
        victimHost.CutLink();
        var withdrawn = await Cluster.WithdrawnAsync(victim, Timeouts.Membership);
        // The fault's length, not a wait for something to happen: the link stays down 2 s at least.
        var rest = TimeSpan.FromSeconds(2) - cut.Elapsed;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }
        var healedAt = Cluster.Seed!.Output.Count;
        victimHost.RestoreLink();
        await Cluster.OfferedAsync(victim, "reachable again", healedAt);
        Cluster.OpenGate();
        var result = await Cluster.FinishJobAsync(console, GatedJob);

        Assert.True(result.ExitCode == 0, result.ToString());
        JobGate.AssertComplete(result);
        Assert.Contains("(unreachable)", withdrawn.Text, StringComparison.Ordinal);
        // Right after a heal, connections still in TCP's retransmission back-off make the short
        // failure detector flap for a few seconds; what counts is that the victim settles as the
        // same member, never downed, in the same process.
        await Cluster.AwaitStatusAsync(status =>
            Assert.True(status.MemberOf(victim) is { IsUp: true, Reachable: true }, $"{victim} is not Up and reachable: {status}"), Timeouts.Membership);
        Assert.False(victim.Process.HasExited, $"{victim} exited:\n{victim.Output.Tail()}");
        Assert.DoesNotContain(Cluster.Seed.Output.Snapshot(), l => l.Text.Contains("downing ", StringComparison.Ordinal));
        var survivors = victimHost.ConnectionsWith(Cluster.SeedHost.Address);
        Assert.True(connections.All(survivors.Contains),
            $"connections to the Seed before the cut: {string.Join(", ", connections)}; after the heal: {string.Join(", ", survivors)}");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    private string AddressOf(NodeProcess node) => $"akka.ssl.tcp://{Cluster.ClusterName}@{node.Endpoint}";

    /// <summary>
    /// A gated job, the cut once the victim holds gated chunks, and the gate opened once the Seed
    /// has withdrawn it: the job must complete with every element, what the victim held re-dispatched.
    /// </summary>
    private async Task CompleteThroughCutAsync(NodeProcess victim, Action cut)
    {
        var console = await StartGatedJobAsync(victim);
        cut();
        await Cluster.WithdrawnAsync(victim, Timeouts.Membership);
        Cluster.OpenGate();
        var result = await Cluster.FinishJobAsync(console, GatedJob);

        Assert.True(result.ExitCode == 0, result.ToString());
        JobGate.AssertComplete(result);
    }

    private Task<ChildProcess> StartJobAsync() =>
        Cluster.StartConsoleAsync("map", JobGate.Function, "--range", $"0..{JobGate.Elements}", "--chunk-size", JobGate.ChunkSize);

    /// <summary>Starts the gated job and returns once every holder has finished chunks, and so holds gated ones.</summary>
    private async Task<ChildProcess> StartGatedJobAsync(params NodeProcess[] holders)
    {
        var console = await StartJobAsync();
        await Cluster.AwaitStatusAsync(status =>
        {
            Assert.NotEmpty(status.Jobs);
            foreach (var holder in holders)
            {
                Assert.True(status.MemberOf(holder) is { ChunksDone: > 0 }, $"{holder} has run no chunk yet: {status}");
            }
        }, Timeouts.Job);
        return console;
    }

    /// <summary>
    /// Each downed node back in the Seed's cluster at its old address: a process that exited is
    /// replaced by a new incarnation in its namespace; one that rejoins by itself is waited for.
    /// </summary>
    private async Task<NodeProcess[]> AwaitBackAsync(NodeProcess[] downed, int seedLinesBefore)
    {
        var current = downed.ToArray();
        await Eventually.AwaitAssertAsync(async () =>
        {
            for (var i = 0; i < current.Length; i++)
            {
                if (current[i].Process.HasExited)
                {
                    current[i] = await Cluster.StartWorkerAsync(Cluster.HostOf(current[i]));
                }
            }
            var status = await Cluster.StatusAsync();
            foreach (var node in current)
            {
                Assert.True(status.MemberOf(node) is { IsUp: true, Reachable: true, Workers: > 0 }, $"{node} is not back Up with workers: {status}");
            }
            return status;
        }, Timeouts.Membership + Timeouts.Membership);
        await Task.WhenAll(current.Select(n => Cluster.OfferedAsync(n, from: seedLinesBefore)));
        return current;
    }
}
