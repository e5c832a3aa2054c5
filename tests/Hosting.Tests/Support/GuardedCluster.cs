using ActorMap.Compute;
using ActorMap.Hosting.Client;
using ActorMap.Hosting.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace ActorMap.Hosting.Tests.Support;

//   seed (gRPC endpoint with small limits, no workers of its own) ◄── worker node (2 workers)
//   hostile peers ──► both ports ; then a normal client ──gRPC──► seed
/// <summary>
/// One cluster for every hostile-input spec: limits small enough to reach, timeouts short enough
/// to wait for, and after each hostile peer the same check that a real job still runs correctly.
/// </summary>
public sealed class GuardedCluster : IAsyncLifetime
{
    public const string Name = "guarded cluster";

    public const int MaxElements = 10_000;
    public const int MaxLambdaLength = 200;
    public static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan InputIdleTimeout = TimeSpan.FromSeconds(2);

    /// <summary>A hard deadline for anything the node must do after a timeout of its own.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private ClusterMapPool? _pool;

    internal InProcessCluster Cluster { get; } = new();

    internal CapturedLog Log => Cluster.Log;

    public int ApiPort => Cluster.Seed.ApiPort;

    public int RemotePort => Akka.Cluster.Cluster.Get(Cluster.Seed.System).SelfAddress.Port!.Value;

    internal ClusterMapPool Pool => _pool!;

    /// <summary>Jobs the Seed's endpoint holds: submitted, receiving input or running.</summary>
    internal int RunningJobs => Cluster.Seed.Services.GetRequiredService<SeedJobs>().Jobs.Count;

    public async Task InitializeAsync()
    {
        Cluster.Settings["actormap.api.limits.max-elements-per-job"] = MaxElements.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Cluster.Settings["actormap.api.limits.max-lambda-length"] = MaxLambdaLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Cluster.Settings["actormap.api.limits.handshake-timeout"] = "2s";
        Cluster.Settings["actormap.api.limits.input-idle-timeout"] = "2s";
        Cluster.Settings["akka.remote.dot-netty.tcp.connection-timeout"] = "2s";
        await Cluster.StartSeedAndWorkerAsync(workers: 2);
        _pool = await ClusterMapPool.ConnectAsync(Cluster.SeedApi, new ClusterCredentials());
    }

    /// <summary>The cluster still runs a job correctly, with every chunk crossing to the worker node.</summary>
    internal async Task AssertServesAsync()
    {
        var input = Enumerable.Range(0, 1_000).Select(i => (long)i).ToArray();
        var squares = await Pool.MapAsync<long, long>("x => x * x", input, new MapOptions { ChunkSize = 100 });
        Assert.Equal(input.Select(x => x * x), squares);
        Assert.Equal(4_950L, await Pool.MapReduceAsync<long>("x => x", new LongRange(0, 100), "sum", new MapOptions { ChunkSize = 10 }));
    }

    /// <summary>The Seed holds no job, and its status lists none.</summary>
    internal async Task AssertNoJobLeftAsync()
    {
        await using var client = ClusterClient.Connect(Cluster.SeedApi);
        await Eventually.HoldsAsync(async () =>
            RunningJobs == 0 && (await client.StatusAsync(TimeSpan.FromSeconds(5), CancellationToken.None)).Jobs.Count == 0,
            Deadline, "the Seed to hold no job");
    }

    public async Task DisposeAsync()
    {
        if (_pool is not null)
        {
            await _pool.DisposeAsync();
        }
        await Cluster.DisposeAsync();
    }
}

[CollectionDefinition(GuardedCluster.Name)]
public sealed class GuardedClusterCollection : ICollectionFixture<GuardedCluster>;
