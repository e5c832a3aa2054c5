using ActorMap.Compute;
using ActorMap.Functions.Shipping;
using ActorMap.Hosting.Client;
using ActorMap.Hosting.Shipping;
using ActorMap.Hosting.Tests.Support;
using Harmonic;

namespace ActorMap.Hosting.Tests.Shipping;

/// <summary>What a cluster of its own shows: a node that joins mid-job fetches the code, and a corrupted upload is refused.</summary>
public sealed class ShippingAcrossNodesSpec : IAsyncLifetime
{
    private readonly InProcessCluster _cluster = new();
    // A framework type, so the spec and the node's load context of the shipped function share it.
    private readonly ManualResetEventSlim _open = new();
    private readonly string _gate = $"actormap-gate-{Guid.NewGuid():N}";

    public Task InitializeAsync()
    {
        AppDomain.CurrentDomain.SetData(_gate, _open);
        return _cluster.StartSeedAndWorkerAsync(workers: 1);
    }

    [Fact]
    public async Task A_node_that_joins_mid_job_must_fetch_the_code_from_the_seed_and_take_chunks()
    {
        await using var pool = await ClusterMapPool.ConnectAsync(_cluster.SeedApi);
        // Every chunk waits for the gate, so the job is still running when the second node arrives.
        // Pull: round-robin would wait for the first worker's turn, which the gate holds.
        var job = pool.MapAsync(new LongRange(0, 400), Gated(_gate), new MapOptions { ChunkSize = 10, Balancing = Balancing.Pull });
        var files = DelegatePackager.Default.Package(Gated(_gate)).Files().Keys.ToArray();
        var first = ShippedFunctions.Get(_cluster.Nodes[1].System).Store;
        await Eventually.HoldsAsync(() => Task.FromResult(files.All(first.Has)), TimeSpan.FromSeconds(60),
            $"the first worker fetched the job's set (uploaded {pool.BytesUploaded}, job {job.Status})");
        var joined = await _cluster.StartWorkerAsync(workers: 2);
        var store = ShippedFunctions.Get(joined.System).Store;

        // The node fetches when the job's first chunk reaches it, before running it.
        await Eventually.HoldsAsync(() => Task.FromResult(files.All(store.Has)), TimeSpan.FromSeconds(60),
            $"the joining node fetched every file of the job's set from the Seed ({files.Count(store.Has)} of {files.Length})");
        _open.Set();
        var results = await job;

        Assert.Equal(Enumerable.Range(0, 400).Select(i => Series.DenominatorDigits(i) * 2), results);
        await using var client = ClusterClient.Connect(_cluster.SeedApi);
        var status = await client.StatusAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        var address = Akka.Cluster.Cluster.Get(joined.System).SelfAddress;
        Assert.True(status.Members.Single(m => m.Address.Contains($":{address.Port}", StringComparison.Ordinal)).ChunksDone > 0,
            "the joining node ran chunks of the job");
    }

    [Fact]
    public async Task A_corrupted_upload_must_be_refused_naming_the_file_and_nothing_of_it_kept()
    {
        Func<long, long> function = Series.DenominatorDigits;
        var packaged = DelegatePackager.Default.Package(function);
        var harmonic = packaged.Assemblies.Single(a => a.Name == "Harmonic");
        var bytes = harmonic.Image.Read();
        bytes[bytes.Length / 2] ^= 0xFF;
        // The same hash announced, other bytes sent: what a broken upload looks like to the Seed.
        var corrupted = packaged with
        {
            Assemblies = [.. packaged.Assemblies.Select(a => a == harmonic ? a with { Image = harmonic.Image with { Path = null, Bytes = bytes } } : a)],
        };
        await using var client = ClusterClient.Connect(_cluster.SeedApi);

        var refused = await Assert.ThrowsAsync<ClusterJobException>(() => client.ShipAsync(corrupted, CancellationToken.None));

        Assert.True(refused.Failure.UsageError, refused.Message);
        Assert.Contains("Harmonic.dll", refused.Message, StringComparison.Ordinal);
        Assert.Contains(harmonic.Image.Hash, refused.Message, StringComparison.Ordinal);
        Assert.Contains(ContentHash.Of(bytes), refused.Message, StringComparison.Ordinal);
        Assert.False(ShippedFunctions.Get(_cluster.Seed.System).Store.Has(harmonic.Image.Hash));
        // The good files go up after that, and the same job runs.
        await using var pool = await ClusterMapPool.ConnectAsync(_cluster.SeedApi);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => Series.DenominatorDigits(i)), await pool.MapAsync(new LongRange(0, 50), function));
    }

    // The shipped function runs in the node's load context, where this spec's own statics are others: the gate is the process's.
    private static Func<long, long> Gated(string gate) => x =>
    {
        ((ManualResetEventSlim)AppDomain.CurrentDomain.GetData(gate)!).Wait(TimeSpan.FromSeconds(60));
        return Series.DenominatorDigits(x) * 2;
    };

    public async Task DisposeAsync()
    {
        _open.Set();
        await _cluster.DisposeAsync();
        AppDomain.CurrentDomain.SetData(_gate, null);
        _open.Dispose();
    }
}
