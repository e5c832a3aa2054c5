using ActorMap.Compute;
using ActorMap.Hosting.Client;
using ActorMap.Hosting.Nodes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorMap.Hosting.Tests;

//   seed (leader, jobs endpoint, 1 local worker) ◄── worker node (2 workers) ; client ──► seed /user/jobs
/// <summary>Nodes in this process over loopback TCP: the Seed's job endpoint, remote workers and the C# cluster API.</summary>
public sealed class ClusterJobSpec : IAsyncLifetime
{
    private readonly List<ActorMapNode> _nodes = [];
    private ClusterMapPool _pool = null!;

    private static Dictionary<string, string> Overrides(int workers, string? seed = null)
    {
        var overrides = new Dictionary<string, string>
        {
            ["actormap.remote.hostname"] = "\"127.0.0.1\"",
            ["actormap.remote.port"] = "0",
            ["actormap.compute.workers"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["actormap.cluster.name"] = "\"hosting-spec\"",
            ["actormap.cluster.failure-detector.heartbeat-interval"] = "200ms",
        };
        if (seed is not null)
        {
            overrides["actormap.cluster.seed-nodes"] = $"[\"{seed}\"]";
        }
        return overrides;
    }

    public async Task InitializeAsync()
    {
        var seed = await ActorMapNode.StartAsync(NodeConfig.Load(null, Overrides(1)), NodeRole.Seed, NullLoggerFactory.Instance);
        _nodes.Add(seed);
        var address = $"{seed.Remoting.LocalAddress.Host}:{seed.Remoting.LocalAddress.Port}";
        var worker = await ActorMapNode.StartAsync(NodeConfig.Load(null, Overrides(2, address)), NodeRole.Worker, NullLoggerFactory.Instance);
        _nodes.Add(worker);
        await worker.Cluster.WhenUp.WaitAsync(TimeSpan.FromSeconds(20));
        // Wait until the Seed counts the worker's actors too (the feed announces them on MemberUp).
        _pool = await ClusterMapPool.ConnectAsync(address, NodeConfig.Load(null, Overrides(1)));
    }

    [Fact]
    public async Task Map_on_the_cluster_must_return_every_result_in_order()
    {
        var results = await _pool.MapAsync<long>("x => x * 2", new LongRange(0, 50_000), new MapOptions { ChunkSize = 500 });

        Assert.Equal(Enumerable.Range(0, 50_000).Select(i => i * 2L), results);
    }

    [Fact]
    public async Task MapReduce_on_the_cluster_must_fold_in_input_order()
    {
        var words = Enumerable.Range(0, 300).Select(i => $"w{i}").ToArray();

        var joined = await _pool.MapReduceAsync<string, string>("w => w + \",\"", words, "(a, b) => a + b", new MapOptions { ChunkSize = 7 });

        Assert.Equal(string.Concat(words.Select(w => w + ",")), joined);
    }

    [Fact]
    public async Task Rows_and_doubles_must_travel_to_the_workers()
    {
        long[][] rows = [[1, 5, 9], [4, 8, 2], [6, 6, 6]];

        var counts = await _pool.MapAsync<long[], int>("row => row.Count(v => v >= 4 && v <= 8)", rows, new MapOptions { ChunkSize = 1 });
        var halves = await _pool.MapAsync<double, double>("x => x / 2", new[] { 1.0, 3.0 }, new MapOptions { ChunkSize = 1 });

        Assert.Equal([1, 2, 3], counts);
        Assert.Equal([0.5, 1.5], halves);
    }

    [Fact]
    public async Task A_failing_element_must_reach_the_caller_naming_element_type_and_node()
    {
        var error = await Assert.ThrowsAsync<MapJobException>(() =>
            _pool.MapAsync<long>("x => 100 / (x - 500)", new LongRange(0, 1000), new MapOptions { ChunkSize = 100 }));

        Assert.Equal(500, error.ElementIndex);
        Assert.Equal("System.DivideByZeroException", error.ErrorType);
        Assert.StartsWith("actormap.tcp://hosting-spec@127.0.0.1:", error.Worker, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_result_must_stream_back_in_ordered_parts()
    {
        var seed = _nodes[0].Remoting.LocalAddress;
        await using var client = await ClusterClient.ConnectAsync(NodeConfig.Load(null, Overrides(1)), $"{seed.Host}:{seed.Port}", CancellationToken.None);
        var parts = new List<byte[]>();
        var submit = new Messages.Compute.SubmitJob
        {
            FunctionSource = "x => x * 3",
            Input = Wire.ElementsCodec.FromInput(new Functions.Input.RangeMapInput(new LongRange(0, 400_000))),
            ChunkSize = 10_000,
            RetriesPerChunk = -1,
        };

        await client.RunAsync(submit, null, null, CancellationToken.None, part => parts.Add(part.ToArray()));

        Assert.True(parts.Count > 1, $"expected several parts, got {parts.Count}");
        var all = System.Text.Json.JsonSerializer.Deserialize<long[]>(parts.SelectMany(p => p).ToArray())!;
        Assert.Equal(Enumerable.Range(0, 400_000).Select(i => i * 3L), all);
    }

    [Fact]
    public async Task A_lambda_that_does_not_compile_must_be_refused_as_bad_input() =>
        await Assert.ThrowsAsync<ArgumentException>(() => _pool.MapAsync<long>("x => x +", new LongRange(0, 10)));

    public async Task DisposeAsync()
    {
        await _pool.DisposeAsync();
        foreach (var node in Enumerable.Reverse(_nodes))
        {
            await node.DisposeAsync();
        }
    }
}
