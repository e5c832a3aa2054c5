using System.Globalization;
using System.Security.Cryptography;
using ActorMap.MultiNode.Tests.Support;
using Xunit.Abstractions;

namespace ActorMap.MultiNode.Tests.Network;

//   client 198.18.0.100 (console, status) ─┐
//   seed   198.18.0.1   :4053 :4080 ───────┼── bridge (its own namespace)
//   w1     198.18.0.11  :4053 ─────────────┤
//   w2     198.18.0.12  :4053 ─────────────┘  ...
/// <summary>
/// One spec's cluster of real processes, each node in a network namespace of its own on a
/// <see cref="VirtualNetwork"/>, so that a spec can cut links between them. Every node binds its
/// namespace's address with the same ports (namespaces do not share ports), talks TLS, and reads
/// a --config file made from <see cref="NetnsClusterOptions"/>. Console runs (map, status) run in
/// a client namespace that no spec cuts. Disposing kills every process, then deletes the network.
/// </summary>
internal sealed class NetnsCluster : IAsyncDisposable
{
    public const int ClusterPort = 4053;

    public const int ApiPort = 4080;

    private const int SeedOctet = 1;
    private const int FirstWorkerOctet = 11;
    private const int MaxWorkerHosts = 9;
    private const int ClientOctet = 100;

    private readonly SpecProcesses _processes;
    private readonly Dictionary<string, NetnsHost> _hosts = new(StringComparer.Ordinal);
    private readonly string _configFile;
    private int _workerHosts;
    private int _processesStarted;

    public NetnsCluster(ITestOutputHelper output, NetnsClusterOptions? options = null)
    {
        ClusterName = "netns-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
        _processes = new SpecProcesses(output, Directory.CreateTempSubdirectory("actormap-netns-").FullName);
        Network = new VirtualNetwork();
        SeedHost = Network.AddHost("seed", SeedOctet);
        _hosts[SeedHost.Address] = SeedHost;
        ClientHost = Network.AddHost("client", ClientOctet);
        _configFile = Path.Combine(WorkDirectory, "netns.hocon");
        File.WriteAllText(_configFile, (options ?? new NetnsClusterOptions()).ToHocon(SeedHost.Address));
    }

    /// <summary>Every address a cluster hands out: the node certificate is made for all of them.</summary>
    public static IEnumerable<string> Addresses =>
        Enumerable.Range(FirstWorkerOctet, MaxWorkerHosts).Prepend(SeedOctet).Append(ClientOctet)
            .Select(o => $"{VirtualNetwork.Subnet}.{o.ToString(CultureInfo.InvariantCulture)}");

    public VirtualNetwork Network { get; }

    public string ClusterName { get; }

    public string WorkDirectory => _processes.WorkDirectory;

    public NetnsHost SeedHost { get; }

    public NetnsHost ClientHost { get; }

    public NodeProcess? Seed { get; private set; }

    /// <summary>The JobGate's file (see <see cref="JobGate"/>): every process is told its path.</summary>
    public string GateFile => Path.Combine(WorkDirectory, "gate-open");

    public void OpenGate() => File.WriteAllText(GateFile, "open");

    /// <summary>A namespace for one more WorkerNode: 198.18.0.11, .12, ...</summary>
    public NetnsHost AddWorkerHost()
    {
        var index = Interlocked.Increment(ref _workerHosts);
        if (index > MaxWorkerHosts)
        {
            throw new InvalidOperationException($"a netns cluster has at most {MaxWorkerHosts} worker hosts");
        }
        var host = Network.AddHost("w" + index.ToString(CultureInfo.InvariantCulture), FirstWorkerOctet + index - 1);
        lock (_hosts)
        {
            _hosts[host.Address] = host;
        }
        return host;
    }

    public async Task<NodeProcess> StartSeedAsync()
    {
        Seed = await StartNodeAsync("seed", SeedHost, BuiltAssemblies.Seed,
            ["--hostname", SeedHost.Address, "--port", Port(ClusterPort), "--api-port", Port(ApiPort)]);
        return Seed;
    }

    /// <summary>Starts a WorkerNode in <paramref name="host"/>, joining the seed; a host may run one node at a time.</summary>
    public Task<NodeProcess> StartWorkerAsync(NetnsHost host, int workers = 2)
    {
        _ = Seed ?? throw new InvalidOperationException("start the seed first");
        return StartNodeAsync("worker@" + host.Address, host, BuiltAssemblies.Worker,
            ["--hostname", host.Address, "--port", Port(ClusterPort), "--seed", $"{SeedHost.Address}:{Port(ClusterPort)}",
             "--workers", workers.ToString(CultureInfo.InvariantCulture)]);
    }

    /// <summary>A seed and <paramref name="workers"/> WorkerNodes, each on a host of its own, once status shows all Up.</summary>
    public async Task<NodeProcess[]> StartClusterAsync(int workers)
    {
        var hosts = Enumerable.Range(0, workers).Select(_ => AddWorkerHost()).ToList();
        var seed = await StartSeedAsync();
        var started = await Task.WhenAll(hosts.Select(h => StartWorkerAsync(h)));
        await AwaitStatusAsync(status =>
        {
            foreach (var node in started.Prepend(seed))
            {
                Assert.True(status.MemberOf(node) is { IsUp: true, Reachable: true }, $"{node} is not Up and reachable yet: {status}");
            }
        }, Timeouts.Membership);
        // Up is not yet registered: wait until the Seed offers each node's workers to jobs.
        await Task.WhenAll(started.Select(w => OfferedAsync(w)));
        return started;
    }

    /// <summary>The host a node runs in.</summary>
    public NetnsHost HostOf(NodeProcess node)
    {
        lock (_hosts)
        {
            return _hosts.TryGetValue(node.Host, out var host) ? host : throw new ArgumentException($"{node} runs in none of this cluster's hosts");
        }
    }

    /// <summary>Starts the console in the client namespace with <paramref name="args"/>, then --seed and --tls; does not wait.</summary>
    public async Task<ChildProcess> StartConsoleAsync(params string[] args)
    {
        var tls = await ClusterTls.DirectoryAsync();
        var name = (args.Length > 0 && args[0] == "status" ? "status-" : "console-") + Next();
        var process = ChildProcess.Start(name, BuiltAssemblies.Console, [.. args, "--seed", $"{SeedHost.Address}:{Port(ApiPort)}", "--tls", tls],
            Environment(), WorkDirectory, ClientHost.Launcher);
        _processes.Track(process);
        return process;
    }

    /// <summary>
    /// Waits for a job's console; past <see cref="Timeouts.Job"/> it fails naming the job and
    /// what the Seed's status says of it.
    /// </summary>
    public async Task<ConsoleResult> FinishJobAsync(ChildProcess console, string job)
    {
        try
        {
            return await ClusterFixture.FinishAsync(console, Timeouts.Job);
        }
        catch (TimeoutException stuck)
        {
            string status;
            try
            {
                status = (await StatusAsync()).ToString();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                status = "status failed too: " + e.Message;
            }
            throw new TimeoutException($"job '{job}' ({console}) is stuck: no result within {Timeouts.Job.TotalSeconds:0}s. Seed status: {status}", stuck);
        }
    }

    public async Task<ClusterStatus> StatusAsync()
    {
        var result = await ClusterFixture.FinishAsync(await StartConsoleAsync("status", "--json"), Timeouts.Status);
        Assert.True(result.ExitCode == 0, "status failed: " + result);
        return ClusterStatus.Parse(result.Stdout);
    }

    public Task<ClusterStatus> AwaitStatusAsync(Action<ClusterStatus> assertion, TimeSpan timeout) =>
        Eventually.AwaitAssertAsync(async () =>
        {
            var status = await StatusAsync();
            assertion(status);
            return status;
        }, timeout);

    /// <summary>The Seed's "withdrew the workers of NODE (REASON)" line: from here that node's chunks run elsewhere.</summary>
    public Task<OutputLine> WithdrawnAsync(NodeProcess worker, TimeSpan timeout, int from = 0) =>
        SeedLineAsync(l => l.Contains("withdrew the workers of ", StringComparison.Ordinal) && Names(l, worker),
            timeout, $"withdrawing the workers of {worker}", from);

    /// <summary>The Seed's "NODE offers N workers (REASON)" line, optionally for one reason only.</summary>
    public Task<OutputLine> OfferedAsync(NodeProcess worker, string? reason = null, int from = 0) =>
        SeedLineAsync(l => Names(l, worker) && l.Contains(" workers (" + reason, StringComparison.Ordinal) && l.Contains(" offers ", StringComparison.Ordinal),
            Timeouts.Membership, $"offering the workers of {worker}{(reason is null ? "" : $" ({reason})")}", from);

    public async ValueTask DisposeAsync()
    {
        await _processes.DisposeAsync();
        // Last, and it throws when a namespace or link is left: the spec then fails on it.
        Network.Dispose();
    }

    private static bool Names(string line, NodeProcess node) => line.Contains("@" + node.Endpoint + " ", StringComparison.Ordinal);

    private Task<OutputLine> SeedLineAsync(Func<string, bool> match, TimeSpan timeout, string description, int from)
    {
        var seed = Seed ?? throw new InvalidOperationException("start the seed first");
        return seed.Process.WaitForLineAsync(l => match(l.Text), timeout, description, from);
    }

    private async Task<NodeProcess> StartNodeAsync(string name, NetnsHost host, string dll, string[] args)
    {
        var tls = await ClusterTls.DirectoryAsync();
        var process = ChildProcess.Start(name + "#" + Next(), dll, ["--config", _configFile, "--tls", tls, .. args], Environment(), WorkDirectory, host.Launcher);
        _processes.Track(process);
        return await NodeProcess.WhenListeningAsync(process, Timeouts.NodeStart);
    }

    private string Next() => Interlocked.Increment(ref _processesStarted).ToString(CultureInfo.InvariantCulture);


    private Dictionary<string, string> Environment() => new(StringComparer.Ordinal)
    {
        ["ACTORMAP_CLUSTER_NAME"] = ClusterName,
        ["ACTORMAP_CACHE_DIR"] = ClusterFixture.CacheDirectory,
        [JobGate.FileVariable] = GateFile,
    };

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
