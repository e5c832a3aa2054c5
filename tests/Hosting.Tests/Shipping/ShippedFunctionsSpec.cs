using ActorMap.Compute;
using ActorMap.Functions.Tests.Support;
using ActorMap.Hosting.Client;
using ActorMap.Hosting.Tests.Support;
using Harmonic;

namespace ActorMap.Hosting.Tests.Shipping;

//   seed (no workers of its own) ◄── worker node (2 workers) ; client ──gRPC──► seed
/// <summary>
/// Ordinary methods of the caller's own library (samples/Harmonic, with its NuGet package) on
/// a cluster in this process: every chunk runs on the WorkerNode, which has none of the caller's
/// assemblies until the Seed sends them.
/// </summary>
public sealed class ShippedFunctionsSpec(ShippingCluster fixture) : IClassFixture<ShippingCluster>
{
    private static readonly LongRange s_range = new(0, 2_000);
    private readonly InProcessCluster _cluster = fixture.Cluster;
    private readonly ClusterMapPool _pool = fixture.Pool;

    [Fact]
    public async Task A_static_method_of_the_callers_library_must_give_what_it_gives_locally()
    {
        var results = await _pool.MapAsync(s_range, Series.DenominatorDigits, new MapOptions { ChunkSize = 100 });

        Assert.Equal(Local(Series.DenominatorDigits), results);
    }

    [Fact]
    public async Task A_closure_must_bring_the_int_and_the_array_it_captures()
    {
        var offset = 7;
        long[] table = [100, 200, 300];

        var results = await _pool.MapAsync(s_range, x => Series.DenominatorDigits(x) + offset + table[x % 3], new MapOptions { ChunkSize = 100 });

        Assert.Equal(Local(x => Series.DenominatorDigits(x) + offset + table[x % 3]), results);
    }

    [Fact]
    public async Task An_instance_method_must_bring_its_record()
    {
        var weights = new Weights(3, [5, 1, 4, 1]);

        var results = await _pool.MapAsync(s_range, weights.Apply, new MapOptions { ChunkSize = 100 });

        Assert.Equal(Local(weights.Apply), results);
    }

    [Fact]
    public async Task Reducers_must_fold_on_the_seed_in_input_order_with_and_without_a_seed()
    {
        var longest = await _pool.MapReduceAsync(s_range, Series.DenominatorDigits, Series.Longest, new MapOptions { ChunkSize = 100 });
        var histogram = await _pool.MapReduceAsync(s_range, Series.DenominatorDigits, new Histogram(), Series.Count, new MapOptions { ChunkSize = 100 });
        var text = await _pool.MapReduceAsync(new[] { "a", "b", "c", "d" }, s => s + ";", "", (acc, s) => acc + s, new MapOptions { ChunkSize = 1 });

        Assert.Equal(Local(Series.DenominatorDigits).Max(), longest);
        var expected = Local(Series.DenominatorDigits).GroupBy(d => d).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected.OrderBy(p => p.Key), histogram.Counts.OrderBy(p => p.Key));
        Assert.Equal("a;b;c;d;", text);
    }

    [Fact]
    public async Task Results_of_the_callers_own_types_must_come_back_as_those_types()
    {
        var results = await _pool.MapAsync(new LongRange(0, 300), x => new Histogram().Add(Series.DenominatorDigits(x)), new MapOptions { ChunkSize = 50 });

        Assert.Equal(Local(Series.DenominatorDigits).Take(300), results.Select(h => h.Counts.Single().Key));
        Assert.All(results, h => Assert.Equal(1, h.Counts.Single().Value));
    }

    [Fact]
    public async Task A_capture_that_cannot_travel_must_be_refused_before_anything_is_sent()
    {
        using var client = new HttpClient();
        var before = _pool.BytesUploaded;
        // Built apart: a lambda beside the one below would share its closure, and with it the spec's 'this'.
        static Func<long, long> Using(HttpClient client) => x => x + client.Timeout.Ticks;

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => _pool.MapAsync(s_range, Using(client)));

        Assert.Contains("'client'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("System.Net.Http.HttpClient", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, _pool.BytesUploaded);
    }

    [Fact]
    public async Task A_second_job_of_the_same_code_must_upload_nothing()
    {
        // A pool of its own, so the other specs' uploads do not count here.
        await using var pool = await ClusterMapPool.ConnectAsync(_cluster.SeedApi);
        Func<long, double> function = Series.Value;

        var first = await pool.MapAsync(s_range, function);
        var afterFirst = pool.BytesUploaded;
        var second = await pool.MapAsync(s_range, function);

        Assert.Equal(first, second);
        Assert.Equal(afterFirst, pool.BytesUploaded);
        Assert.True(afterFirst > 0 || SeedHasEverything(function), "the first job uploaded nothing, yet the Seed lacked its files");
    }

    [Fact]
    public async Task A_throwing_method_must_fail_the_job_with_the_element_its_type_and_the_users_stack()
    {
        var broken = new Weights(1, []);

        var failure = await Assert.ThrowsAsync<MapJobException>(() => _pool.MapAsync(s_range, broken.Apply, new MapOptions { ChunkSize = 100 }));

        // Every element throws: the job fails with the first element of whichever chunk failed first.
        Assert.Equal(0, failure.ElementIndex % 100);
        Assert.Equal(typeof(DivideByZeroException).FullName, failure.ErrorType);
        Assert.Contains("Harmonic.Weights.Apply", failure.WorkerStackTrace, StringComparison.Ordinal);
        // The PDB travels with the assembly: the node's trace has the caller's file and line.
        Assert.Contains("Weights.cs:line", failure.WorkerStackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_nodes_must_release_a_jobs_load_context_when_the_job_ends()
    {
        var worker = ActorMap.Hosting.Shipping.ShippedFunctions.Get(_cluster.Nodes[1].System);

        await _pool.MapAsync(s_range, new Weights(2, [9, 8]).Apply, new MapOptions { ChunkSize = 100 });

        // The router's CancelChunks at the job's end releases it; other specs' jobs may run meanwhile.
        await Eventually.HoldsAsync(() => Task.FromResult(worker.LoadedJobs == 0 && worker.Contexts.Count == 0),
            TimeSpan.FromSeconds(20), "the worker released every shipped job and unloaded its contexts");
    }

    [Fact]
    public async Task Two_versions_of_one_assembly_must_run_at_once_each_with_its_own()
    {
        var v1 = Fixtures.ScoringV1.Static<Func<long, string>>("Scoring.Score", "Version");
        var v2 = Fixtures.ScoringV2.Static<Func<long, string>>("Scoring.Score", "Version");

        var both = await Task.WhenAll(
            _pool.MapAsync(s_range, v1, new MapOptions { ChunkSize = 50 }),
            _pool.MapAsync(s_range, v2, new MapOptions { ChunkSize = 50 }));

        Assert.Equal(Local(x => "1:" + x), both[0]);
        Assert.Equal(Local(x => "2:" + x), both[1]);
    }

    private bool SeedHasEverything(Delegate function) =>
        ActorMap.Functions.Shipping.DelegatePackager.Default.Package(function).Files().Keys.All(ActorMap.Hosting.Shipping.ShippedFunctions.Get(_cluster.Seed.System).Store.Has);

    private static T[] Local<T>(Func<long, T> function) =>
        [.. Enumerable.Range((int)s_range.Start, (int)s_range.Length).Select(i => function(i))];
}

/// <summary>One cluster for the shipping specs that need nothing of their own: starting one takes seconds.</summary>
public sealed class ShippingCluster : IAsyncLifetime
{
    internal InProcessCluster Cluster { get; } = new();

    public ClusterMapPool Pool { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Cluster.StartSeedAndWorkerAsync(workers: 2);
        Pool = await ClusterMapPool.ConnectAsync(Cluster.SeedApi);
    }

    public async Task DisposeAsync()
    {
        await Pool.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
