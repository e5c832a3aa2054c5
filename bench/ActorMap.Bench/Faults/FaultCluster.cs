using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorMap.Bench.Faults;

/// <summary>
/// A Seed and WorkerNodes as processes on 127.0.0.1, shaped by a <see cref="NodeShape"/> (by
/// default the faults suite's: a Seed with allow-local-routees = off and WorkerNodes of two
/// workers each), on free ports unless told. Clusters of one suite run share a config file and
/// a lambda cache, so only the first compile of a lambda is cold.
/// Disposing kills every process it started.
/// </summary>
internal sealed partial class FaultCluster : IDisposable
{
    public const string Loopback = "127.0.0.1";
    public static readonly TimeSpan NodeStart = TimeSpan.FromSeconds(60);

    private readonly List<NodeProcess> _nodes = [];
    private readonly string _config;
    private readonly Dictionary<string, string> _environment;
    private readonly NodeShape _shape;
    private int _workersStarted;
    private NodeProcess? _seed;
    private int _seedPort;

    public FaultCluster(string scratch, NodeShape? shape = null)
    {
        _shape = shape ?? NodeShape.WorkerNodesOnly;
        _config = Path.Combine(scratch, _shape.Name + ".hocon");
        if (!File.Exists(_config))
        {
            // A cluster name of its own: a spec run on the same machine never joins it.
            var local = _shape.SeedRunsWorkers ? "on" : "off";
            File.WriteAllText(_config, $"actormap.seed.allow-local-routees = {local}\nactormap.cluster-name = bench-{_shape.Name}-{Environment.ProcessId}\n");
        }
        _environment = new(StringComparer.Ordinal) { ["ACTORMAP_CACHE_DIR"] = Path.Combine(scratch, "cache") };
    }

    public NodeProcess Seed => _seed ?? throw new InvalidOperationException("start the seed first");

    /// <summary>Starts the Seed and waits for its cluster and client ports; returns "127.0.0.1:API-PORT" for clients.</summary>
    public async Task<string> StartSeedAsync()
    {
        _seed = Track(NodeProcess.Start("seed", Repository.ReleaseDll("Seed", "actormap-seed"),
            ["--config", _config, "--hostname", Loopback, "--port", "0", "--api-port", "0"], _environment));
        _seedPort = await _seed.ListeningAsync(NodeStart);
        return $"{Loopback}:{(await _seed.ClientEndpointAsync(NodeStart)).ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Starts a WorkerNode joining the Seed, on <paramref name="port"/> (0: a free one); does not wait for it.</summary>
    public NodeProcess StartWorker(int port = 0)
    {
        var name = "worker-" + (++_workersStarted).ToString(CultureInfo.InvariantCulture);
        string[] args = ["--config", _config, "--hostname", Loopback, "--port", port.ToString(CultureInfo.InvariantCulture), "--seed", $"{Loopback}:{_seedPort}"];
        if (_shape.WorkersPerNode is { } workers)
        {
            args = [.. args, "--workers", workers.ToString(CultureInfo.InvariantCulture)];
        }
        return Track(NodeProcess.Start(name, Repository.ReleaseDll("WorkerNode", "actormap-worker"), args, _environment));
    }

    /// <summary>The Seed's line, at or after <paramref name="from"/>, where it starts giving <paramref name="worker"/> chunks.</summary>
    public async Task<TimedLine> OfferedAsync(NodeProcess worker, int from) =>
        await Seed.Lines.FirstAsync(from, NodeStart, Seed.Name, $"@{Loopback}:{await Port(worker)} offers ", " workers (");

    /// <summary>The Seed's line offering its own workers (a shape whose Seed runs workers).</summary>
    public Task<TimedLine> SeedOffersAsync() =>
        Seed.Lines.FirstAsync(0, NodeStart, Seed.Name, $"@{Loopback}:{_seedPort.ToString(CultureInfo.InvariantCulture)} offers ", " workers (");

    /// <summary>The Seed's line, at or after <paramref name="from"/>, where it withdraws <paramref name="worker"/>'s workers and re-dispatches their chunks.</summary>
    public async Task<TimedLine> WithdrawnAsync(NodeProcess worker, int from, TimeSpan timeout) =>
        await Seed.Lines.FirstAsync(from, timeout, Seed.Name, "withdrew the workers of ", $"@{Loopback}:{await Port(worker)} (");

    /// <summary>Why the Seed withdrew a node, from its line: "connection lost", "unreachable", ...</summary>
    public static string Reason(TimedLine withdrawn) =>
        WithdrawnLine().Match(withdrawn.Text) is { Success: true } match ? match.Groups[1].Value : "?";

    /// <summary>Every node's last lines, for a failure's message.</summary>
    public string Tails() => string.Concat(_nodes.Select(n => $"=== {n} ===\n{n.Lines.Tail()}"));

    /// <summary>Writes every node's lines to DIRECTORY/NAME-PID.log, each stamped with seconds since <paramref name="origin"/> (a Stopwatch timestamp).</summary>
    public void WriteLogs(string directory, long origin)
    {
        Directory.CreateDirectory(directory);
        foreach (var node in _nodes)
        {
            File.WriteAllLines(Path.Combine(directory, $"{node.Name}-{node.Pid.ToString(CultureInfo.InvariantCulture)}.log"),
                node.Lines.Snapshot().Select(l => string.Create(CultureInfo.InvariantCulture, $"{System.Diagnostics.Stopwatch.GetElapsedTime(origin, l.Timestamp).TotalSeconds,9:F3} {l.Text}")));
        }
    }

    public void Dispose()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }
        _nodes.Clear();
    }

    private static Task<int> Port(NodeProcess worker) => worker.ListeningAsync(NodeStart);

    private NodeProcess Track(NodeProcess node)
    {
        _nodes.Add(node);
        return node;
    }

    [GeneratedRegex(@"withdrew the workers of \S+ \(([^)]*)\)")]
    private static partial Regex WithdrawnLine();
}
