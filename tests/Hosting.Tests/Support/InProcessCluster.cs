using System.Globalization;
using ActorMap.Hosting.Nodes;
using Microsoft.Extensions.Logging;

namespace ActorMap.Hosting.Tests.Support;

/// <summary>A Seed and WorkerNodes in this process, on 127.0.0.1 with free ports, as Akka.NET's own cluster specs run.</summary>
internal sealed class InProcessCluster : IAsyncDisposable
{
    private readonly List<NodeHost> _nodes = [];
    private readonly string _name = "hosting-" + Guid.NewGuid().ToString("N")[..6];

    public NodeHost Seed => _nodes[0];

    public string ClusterName => _name;

    public string SeedApi => $"127.0.0.1:{Seed.ApiPort.ToString(CultureInfo.InvariantCulture)}";

    public IReadOnlyList<NodeHost> Nodes => _nodes;

    /// <summary>The TLS directory every node started from now on uses; null for plain TCP.</summary>
    public string? TlsDirectory { get; set; }

    /// <summary>The token file the Seed accepts clients by; null for none.</summary>
    public string? TokenFile { get; set; }

    /// <summary>More settings for every node started from now on (HOCON values by key), such as limits.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>What the nodes logged, filtered as a node's console is.</summary>
    public CapturedLog Log { get; } = new();

    public Dictionary<string, string> Overrides(int workers, bool seedRunsWorkers = true, string? tls = null)
    {
        var overrides = Defaults(workers, seedRunsWorkers, tls);
        foreach (var (key, value) in Settings)
        {
            overrides[key] = value;
        }
        return overrides;
    }

    private Dictionary<string, string> Defaults(int workers, bool seedRunsWorkers, string? tls) => new()
    {
        ["actormap.api.token-file"] = System.Text.Json.JsonSerializer.Serialize(TokenFile ?? ""),
        ["actormap.tls.dir"] = System.Text.Json.JsonSerializer.Serialize(tls ?? TlsDirectory ?? ""),
        ["akka.remote.dot-netty.tcp.hostname"] = "\"127.0.0.1\"",
        ["akka.remote.dot-netty.tcp.port"] = "0",
        ["akka.loglevel"] = "WARNING",
        ["actormap.api.hostname"] = "\"127.0.0.1\"",
        ["actormap.api.port"] = "0",
        // Seeds run side by side in these specs: the dashboard's default 4081 would be taken.
        ["actormap.dashboard.port"] = "0",
        ["actormap.compute.workers"] = workers.ToString(CultureInfo.InvariantCulture),
        ["actormap.cluster-name"] = $"\"{_name}\"",
        ["actormap.seed.allow-local-routees"] = seedRunsWorkers ? "on" : "off",
        ["akka.cluster.failure-detector.heartbeat-interval"] = "200ms",
    };

    /// <param name="settings">More cluster.hocon settings for this node (key to HOCON value), over the spec defaults.</param>
    public async Task<NodeHost> StartSeedAsync(int workers, bool seedRunsWorkers = true, IReadOnlyDictionary<string, string>? settings = null)
    {
        var overrides = With(Overrides(workers, seedRunsWorkers), settings);
        var node = NodeSettings.From(NodeConfig.Load(null, overrides, lookForDefaultFile: false), NodeRole.Seed);
        var seed = await NodeHost.StartAsync(node, Capture);
        _nodes.Add(seed);
        return seed;
    }

    public async Task<NodeHost> StartWorkerAsync(int workers, string? tls = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var overrides = With(Overrides(workers, tls: tls), settings);
        var seed = Akka.Cluster.Cluster.Get(Seed.System).SelfAddress;
        overrides["akka.cluster.seed-nodes"] = $"[\"{seed}\"]";
        var worker = await NodeHost.StartAsync(NodeSettings.From(NodeConfig.Load(null, overrides, lookForDefaultFile: false), NodeRole.Worker), Capture);
        _nodes.Add(worker);
        return worker;
    }

    /// <summary>
    /// A Seed with no workers of its own and one WorkerNode, returned once the Seed counts that
    /// node's workers (its registration arrives after it is Up): every chunk then crosses the wire.
    /// </summary>
    public async Task StartSeedAndWorkerAsync(int workers, Hosting.Client.ClusterCredentials? credentials = null,
        IReadOnlyDictionary<string, string>? seedSettings = null, IReadOnlyDictionary<string, string>? workerSettings = null)
    {
        await StartSeedAsync(workers: 1, seedRunsWorkers: false, seedSettings);
        await StartWorkerAsync(workers, settings: workerSettings);
        await using var client = Hosting.Client.ClusterClient.Connect(SeedApi, credentials);
        await Eventually.HoldsAsync(async () =>
            (await client.StatusAsync(TimeSpan.FromSeconds(5), CancellationToken.None)).Members.Sum(m => m.Workers) == workers,
            TimeSpan.FromSeconds(30), $"the worker node's {workers} workers registered with the Seed");
    }

    private static Dictionary<string, string> With(Dictionary<string, string> overrides, IReadOnlyDictionary<string, string>? settings)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            overrides[key] = value;
        }
        return overrides;
    }

    private static void Quiet(ILoggingBuilder logging) => logging.ClearProviders();
    // As a node's console filters (NodeProgram.Logging), so specs see what an operator would.
    private void Capture(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddProvider(Log);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("Grpc", LogLevel.Warning);
        logging.AddFilter(Hosting.Api.ApiLog.Category, LogLevel.Debug);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Enumerable.Reverse(_nodes))
        {
            await node.DisposeAsync();
        }
    }
}
