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
        var console = await StartGatedJobAsync(victim);

        Cluster.HostOf(victim).CutLink();
        await Cluster.WithdrawnAsync(victim, Timeouts.Membership);
        Cluster.OpenGate();
        var result = await Cluster.FinishJobAsync(console, GatedJob);

        Assert.True(result.ExitCode == 0, result.ToString());
        JobGate.AssertComplete(result);
        // Downed and removed: whether its process exits or rejoins in-process, it cannot come
        // back while cut off, and never under its old incarnation.
        await Cluster.AwaitStatusAsync(status =>
            Assert.True(status.MemberOf(victim) is null, $"{victim} is still a member: {status}"), Timeouts.Membership);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>Starts the gated job and returns once <paramref name="holder"/> has finished chunks, and so holds gated ones.</summary>
    private async Task<ChildProcess> StartGatedJobAsync(params NodeProcess[] holders)
    {
        var console = await Cluster.StartConsoleAsync("map", JobGate.Function, "--range", $"0..{JobGate.Elements}", "--chunk-size", JobGate.ChunkSize);
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
}
