using ActorMap.Compute;
using ActorMap.Functions.Input;
using ActorMap.Functions.Shipping;
using ActorMap.Functions.Tests.Support;

namespace ActorMap.Functions.Tests.Shipping;

/// <summary>Shipped functions run by the embedded pool, as the console runs compiled lambdas.</summary>
public sealed class ShippedFunctionPipelineSpec : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly DelegatePackager _packager = new(new FileHashes(), new NativeAssets([]));
    private AssemblyStore _store = null!;
    private ShippedContexts _contexts = null!;
    private MapPool _pool = null!;

    public Task InitializeAsync()
    {
        _store = new AssemblyStore(_directory.Combine("store"));
        _contexts = new ShippedContexts(_store);
        _pool = MapPool.Create(new MapOptions { Workers = 2, ChunkSize = 4, RetriesPerChunk = 0 });
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RunAsync_ShippedClosure_GivesTheResultsOfTheLocalDelegate()
    {
        var local = Fixtures.ScoringV1.Call<Func<long, long>>("Scoring.Closures", "Weighted", 5, new[] { 2, 3, 7 });
        using var loaded = Load(local);

        var outcome = await loaded.Typed.RunAsync(_pool, new RangeMapInput(new LongRange(0, 100)), ReduceChoice.None, new MapOptions(), CancellationToken.None);

        Assert.Equal(typeof(long[]), outcome.ValueType);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => local(i)), (long[])outcome.Value!);
    }

    [Fact]
    public async Task MapAsync_ShippedFunctionThatThrows_ReportsTheElementTheExceptionAndTheUsersMethodWithItsLine()
    {
        using var loaded = Load(Fixtures.ScoringV1.Static<Func<long, long>>("Scoring.Failing", "Fail"));

        var error = await Assert.ThrowsAsync<MapJobException>(() => _pool.MapAsync(new LongRange(0, 10), (Func<long, long>)loaded.Function));

        Assert.Equal(3, error.ElementIndex);
        Assert.Equal("System.InvalidOperationException", error.ErrorType);
        Assert.Equal(ScoringSources.FailMessage, error.ErrorMessage);
        Assert.Contains("at Scoring.Failing.Fail(Int64 x)", error.WorkerStackTrace, StringComparison.Ordinal);
        Assert.Contains($"/fixtures/Scoring/Common.cs:line {ScoringSources.LineOf(ScoringSources.FailMessage)}", error.WorkerStackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapAsync_ShippedWithoutItsPdb_KeepsTheMethodNameButHasNoLine()
    {
        var packaged = _packager.Package(Fixtures.ScoringV1.Static<Func<long, long>>("Scoring.Failing", "Fail"));
        packaged.UploadTo(_store);
        var withoutPdb = packaged.Package with { Assemblies = [.. packaged.Package.Assemblies.Select(a => a with { PdbHash = null })] };
        using var loaded = ShippedFunctionLoader.Load(withoutPdb, _contexts);

        var error = await Assert.ThrowsAsync<MapJobException>(() => _pool.MapAsync(new LongRange(0, 10), (Func<long, long>)loaded.Function));

        Assert.Contains("at Scoring.Failing.Fail(Int64 x)", error.WorkerStackTrace, StringComparison.Ordinal);
        Assert.DoesNotContain("Common.cs:line", error.WorkerStackTrace, StringComparison.Ordinal);
    }

    private LoadedShippedFunction Load(Delegate local)
    {
        var packaged = _packager.Package(local);
        packaged.UploadTo(_store);
        return ShippedFunctionLoader.Load(packaged.Package, _contexts);
    }

    public async Task DisposeAsync()
    {
        await _pool.DisposeAsync();
        _directory.Dispose();
    }
}
