using System.Globalization;
using System.Security.Cryptography;
using Xunit.Abstractions;

namespace ActorMap.MultiNode.Tests.Support;

/// <summary>
/// One spec's cluster of real processes on 127.0.0.1: a Seed, WorkerNodes and console runs, all
/// sharing a cluster name of their own and the lambda cache of this test run.
/// Disposing kills whatever still runs and writes every process's last lines to the spec's output.
/// </summary>
public sealed partial class ClusterFixture : IAsyncDisposable
{
    public const string Loopback = "127.0.0.1";

    // Shared by every process of the test run: only the first compile of a lambda is cold.
    private static readonly Lazy<string> s_cacheDirectory = new(CreateSharedCache);

    private readonly SpecProcesses _processes;
    private int _workersStarted;
    private int _consoleRuns;

    public ClusterFixture(ITestOutputHelper output)
    {
        ClusterName = "multinode-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
        _processes = new SpecProcesses(output, Directory.CreateTempSubdirectory("actormap-multinode-").FullName);
    }

    public string ClusterName { get; }

    public static string CacheDirectory => s_cacheDirectory.Value;

    /// <summary>A scratch directory of this spec's own (input files, gate files).</summary>
    public string WorkDirectory => _processes.WorkDirectory;

    /// <summary>The file a <see cref="JobGate"/> waits for; every process is told its path.</summary>
    public string GateFile => Path.Combine(WorkDirectory, "gate-open");

    public NodeProcess? Seed { get; private set; }

    /// <summary>Starts the seed, on free ports unless given (a restarted Seed comes back on its old ones).</summary>
    /// <param name="config">HOCON the node reads as its configuration file (see <see cref="FastFailureDetection"/>).</param>
    public async Task<NodeProcess> StartSeedAsync(string? config = null, int port = 0, int apiPort = 0)
    {
        // The dashboard on a free port too: specs run Seeds side by side, and 4081 may be taken.
        string[] args = ["--hostname", Loopback, "--port", Text(port), "--api-port", Text(apiPort), "--dashboard-port", "0", .. ConfigArguments(config)];
        Seed = await StartNodeAsync("seed", BuiltAssemblies.Seed, args, Environment());
        return Seed;
    }

    /// <summary>Starts a WorkerNode joining the seed, on a free port unless given.</summary>
    public Task<NodeProcess> StartWorkerAsync(int workers = 2, string? config = null, int port = 0)
    {
        var seed = Seed ?? throw new InvalidOperationException("start the seed first");
        var name = "worker-" + Interlocked.Increment(ref _workersStarted).ToString(CultureInfo.InvariantCulture);
        string[] args = ["--hostname", Loopback, "--port", Text(port), "--seed", seed.Endpoint, "--workers", Text(workers), .. ConfigArguments(config)];
        return StartNodeAsync(name, BuiltAssemblies.Worker, args, Environment());
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A seed and <paramref name="workers"/> WorkerNodes, returned once status shows all of them Up.</summary>
    public async Task<NodeProcess[]> StartClusterAsync(int workers, int workersPerNode = 2, string? config = null)
    {
        var seed = await StartSeedAsync(config);
        var started = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => StartWorkerAsync(workersPerNode, config)));
        await AwaitStatusAsync(status =>
        {
            foreach (var node in started.Prepend(seed))
            {
                var member = status.MemberOf(node);
                Assert.True(member is { IsUp: true, Reachable: true }, $"{node} is not Up and reachable yet: {status}");
            }
        }, Timeouts.Membership);
        return started;
    }

    /// <summary>Starts the console with <paramref name="args"/> followed by <c>--seed</c>; does not wait.</summary>
    public ChildProcess StartConsole(params string[] args)
    {
        var seed = Seed ?? throw new InvalidOperationException("start the seed first");
        var verb = args.Length > 0 && args[0] == "status" ? "status-" : "console-";
        var name = verb + Interlocked.Increment(ref _consoleRuns).ToString(CultureInfo.InvariantCulture);
        var process = ChildProcess.Start(name, BuiltAssemblies.Console, [.. args, "--seed", seed.ApiEndpoint], Environment(), WorkDirectory);
        _processes.Track(process);
        return process;
    }

    /// <summary>Runs a node binary's own command (such as <c>health</c>) to its end, reading <paramref name="config"/>.</summary>
    public async Task<ConsoleResult> RunNodeCommandAsync(string assembly, string? config, params string[] args)
    {
        var name = "command-" + Interlocked.Increment(ref _consoleRuns).ToString(CultureInfo.InvariantCulture);
        var process = _processes.Track(ChildProcess.Start(name, assembly, [.. args, .. ConfigArguments(config)], Environment(), WorkDirectory));
        return await FinishAsync(process, Timeouts.NodeStart);
    }

    /// <summary>Runs the console to its end (bounded by <paramref name="timeout"/>, by default a job's).</summary>
    public Task<ConsoleResult> RunConsoleAsync(params string[] args) => RunConsoleAsync(Timeouts.Job, args);

    public async Task<ConsoleResult> RunConsoleAsync(TimeSpan timeout, params string[] args) =>
        await FinishAsync(StartConsole(args), timeout);

    /// <summary>Waits for a console started by <see cref="StartConsole"/>.</summary>
    public static async Task<ConsoleResult> FinishAsync(ChildProcess console, TimeSpan timeout)
    {
        var code = await console.WaitForExitAsync(timeout);
        return ConsoleResult.Of(console, code);
    }

    /// <summary>One <c>actormap status --json</c>; an exit other than 0 fails as an assertion, so polls retry it.</summary>
    public async Task<ClusterStatus> StatusAsync()
    {
        var result = await RunConsoleAsync(Timeouts.Status, "status", "--json");
        Assert.True(result.ExitCode == 0, "status failed: " + result);
        return ClusterStatus.Parse(result.Stdout);
    }

    /// <summary>Polls status until <paramref name="assertion"/> holds; returns the status that satisfied it.</summary>
    public Task<ClusterStatus> AwaitStatusAsync(Action<ClusterStatus> assertion, TimeSpan timeout) =>
        Eventually.AwaitAssertAsync(async () =>
        {
            var status = await StatusAsync();
            assertion(status);
            return status;
        }, timeout);

    public ValueTask DisposeAsync() => _processes.DisposeAsync();

    /// <summary>
    /// Runs <c>dotnet <paramref name="dll"/> <paramref name="args"/></c> to its end (a job's
    /// deadline): a user's program, or the console without <c>--seed</c>, embedded.
    /// </summary>
    public async Task<ConsoleResult> RunProgramAsync(string dll, params string[] args)
    {
        var name = "program-" + Interlocked.Increment(ref _consoleRuns).ToString(CultureInfo.InvariantCulture);
        var process = _processes.Track(ChildProcess.Start(name, dll, args, Environment(), WorkDirectory));
        return await FinishAsync(process, Timeouts.Job);
    }

    private async Task<NodeProcess> StartNodeAsync(string name, string dll, string[] args, Dictionary<string, string> environment)
    {
        // An assembly store of the node's own, deleted with the spec: what one node fetched can
        // never stand in for another's fetch, nor one spec's upload for the next spec's. A node
        // restarted under its name finds its store again, as on a real machine.
        environment["ACTORMAP_STORE_DIR"] = Path.Combine(WorkDirectory, "store-" + name);
        var process = ChildProcess.Start(name, dll, args, environment, WorkDirectory);
        _processes.Track(process);
        return await NodeProcess.WhenListeningAsync(process, Timeouts.NodeStart);
    }


    private Dictionary<string, string> Environment() => new(StringComparer.Ordinal)
    {
        ["ACTORMAP_CLUSTER_NAME"] = ClusterName,
        ["ACTORMAP_CACHE_DIR"] = CacheDirectory,
        [JobGate.FileVariable] = GateFile,
    };

    private static string CreateSharedCache()
    {
        var directory = Directory.CreateTempSubdirectory("actormap-multinode-cache-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Left in /tmp: harmless.
            }
        };
        return directory;
    }
}
