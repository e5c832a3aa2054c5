using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ActorMap.MultiNode.Tests.Support;
using Xunit.Abstractions;

namespace ActorMap.MultiNode.Tests.Network;

//   seed 198.18.0.1 (no workers of its own)
//     ├─ w1 198.18.0.11   direct, for the first job; then stopped
//     └─ w2 198.18.0.12   only through the proxies, for the second job:
//
//        namespace w2:   w2 ──dials 198.18.0.1:4053 (on w2's lo)──► proxy ──► seed   (a socket in the seed's namespace)
//        namespace seed: seed ──dials 198.18.0.12:4053 (on seed's lo)──► proxy ──► w2 (a socket in w2's namespace)
/// <summary>
/// A job across a slow link. Akka.Remote dials the address a node advertises and may also reuse
/// a connection the other side opened, so proxying one direction is not enough: in w2's namespace
/// the Seed's address is claimed by a proxy listening there, and in the Seed's namespace w2's
/// address is, so whichever side dials, the connection crosses a proxy. Both nodes keep their own
/// addresses; neither can reach the other any other way.
/// </summary>
[Trait("Category", "MultiNode")]
[Trait("Category", "Netns")]
public sealed partial class SlowLinkSpec(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Elements = 200_000;
    private const string ChunkSize = "2000";

    private static readonly LinkShape s_slowLink = new(TimeSpan.FromMilliseconds(50));

    private readonly List<SlowLinkProxy> _proxies = [];
    private NetnsCluster? _cluster;

    private NetnsCluster Cluster => _cluster ?? throw new InvalidOperationException("the spec has not started its cluster");

    [NetnsFact]
    public async Task A_job_across_a_50_ms_link_must_complete_with_every_result_and_cross_the_proxy()
    {
        _cluster = new NetnsCluster(output, new NetnsClusterOptions { SeedRunsWorkers = false });
        var direct = (await Cluster.StartClusterAsync(workers: 1))[0];
        // Unmeasured, so that both measured jobs find the lambda compiled in the shared cache.
        await RunJobAsync("the warm-up job on a direct link");
        var baseline = await RunJobAsync("the job on a direct link");
        await direct.TerminateAsync();
        await direct.WaitForExitAsync(Timeouts.Shutdown);
        await Cluster.AwaitStatusAsync(status =>
            Assert.True(status.MemberOf(direct) is null, $"{direct} is still a member: {status}"), Timeouts.Membership);

        var slowHost = Cluster.AddWorkerHost();
        var toSeed = Proxy(listenIn: slowHost, target: Cluster.SeedHost);
        var toWorker = Proxy(listenIn: Cluster.SeedHost, target: slowHost);
        var slow = await Cluster.StartWorkerAsync(slowHost);
        await Cluster.AwaitStatusAsync(status =>
            Assert.True(status.MemberOf(slow) is { IsUp: true, Reachable: true, Workers: > 0 }, $"{slow} is not Up with workers: {status}"), Timeouts.Membership);
        await Cluster.OfferedAsync(slow);
        var before = BytesFromWorker(toSeed, toWorker);
        var across = await RunJobAsync($"the job across a {s_slowLink} link");

        // Every chunk ran on the slow worker (the Seed runs none), and its results came back
        // through the proxies: at least 8 bytes per element.
        var status = await Cluster.StatusAsync();
        Assert.True(status.MemberOf(slow) is { ChunksDone: > 0 }, $"{slow} ran no chunk: {status}");
        var carried = BytesFromWorker(toSeed, toWorker) - before;
        Assert.True(carried >= Elements * 8L, $"only {carried} bytes crossed from the worker to the Seed: {toSeed}; {toWorker}");
        output.WriteLine($"throughput, {Elements} elements in chunks of {ChunkSize} on one WorkerNode of 2 workers:");
        output.WriteLine($"  direct link: {baseline.Seconds:0.000} s, {baseline.ElementsPerSecond:0} elements/s");
        output.WriteLine($"  {s_slowLink}: {across.Seconds:0.000} s, {across.ElementsPerSecond:0} elements/s, {carried / 1e6:0.00} MB from the worker through the proxy");
        output.WriteLine($"  {toSeed}\n  {toWorker}");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var proxy in _proxies)
        {
            await proxy.DisposeAsync();
        }
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    private static long BytesFromWorker(SlowLinkProxy toSeed, SlowLinkProxy toWorker) => toSeed.BytesToUpstream + toWorker.BytesFromUpstream;

    /// <summary>
    /// A proxy in <paramref name="listenIn"/>'s namespace on <paramref name="target"/>'s address
    /// (claimed there), forwarding to the real <paramref name="target"/> from a socket in its own namespace.
    /// </summary>
    private SlowLinkProxy Proxy(NetnsHost listenIn, NetnsHost target)
    {
        listenIn.ClaimAddress(target.Address);
        var endpoint = new IPEndPoint(IPAddress.Parse(target.Address), NetnsCluster.ClusterPort);
        var listener = NamespacedSocket.Create(listenIn.Namespace);
        listener.Bind(endpoint);
        var proxy = new SlowLinkProxy(listener, () => NamespacedSocket.Create(target.Namespace), endpoint, s_slowLink);
        _proxies.Add(proxy);
        return proxy;
    }

    private async Task<(double Seconds, double ElementsPerSecond)> RunJobAsync(string job)
    {
        var result = await Cluster.FinishJobAsync(
            await Cluster.StartConsoleAsync("map", "x => x * 3", "--range", $"0..{Elements}", "--chunk-size", ChunkSize), job);

        Assert.True(result.ExitCode == 0, result.ToString());
        var results = result.Int64Results();
        Assert.Equal(Elements, results.Length);
        for (var i = 0; i < results.Length; i++)
        {
            Assert.True(results[i] == 3L * i, $"{job}: element {i} is {results[i]}, not {3L * i}");
        }
        // The console's own summary: the job's time from submit to the last result.
        var summary = result.StderrLines.Select(l => Summary().Match(l)).LastOrDefault(m => m.Success)
            ?? throw new InvalidOperationException($"{job}: the console printed no summary line:\n{result}");
        return (double.Parse(summary.Groups["seconds"].Value, CultureInfo.InvariantCulture),
                double.Parse(summary.Groups["rate"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@", (?<seconds>[0-9.]+) s, (?<rate>[0-9]+) elements/s")]
    private static partial Regex Summary();
}
