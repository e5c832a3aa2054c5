using System.Runtime.Loader;
using ActorMap.Functions.Shipping;
using ActorMap.Functions.Tests.Support;

namespace ActorMap.Functions.Tests.Shipping;

public sealed class ShippedFunctionLoaderSpec : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly AssemblyStore _store;
    private readonly ShippedContexts _contexts;
    private readonly DelegatePackager _packager = new(new FileHashes(), new NativeAssets([]));

    public ShippedFunctionLoaderSpec()
    {
        _store = new AssemblyStore(_directory.Combine("store"));
        _contexts = new ShippedContexts(_store);
    }

    public static TheoryData<string> Kinds => ["static method", "generic method", "lambda without captures", "closure over an int and an array", "closure in a generic method", "nested closures", "closure over a dictionary", "closure over the user's own types", "instance method on a record"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Load_PackagedDelegate_GivesTheLocalResultsFromAFreshCollectibleContext(string kind)
    {
        var local = Make(kind);
        var packaged = _packager.Package(local);
        packaged.UploadTo(_store);

        // Through its byte form, as a node receives it.
        using var loaded = ShippedFunctionLoader.Load(FunctionPackage.FromBytes(packaged.Package.ToBytes()), _contexts);

        var shipped = Assert.IsType<Func<long, long>>(loaded.Function);
        var shippedAssembly = shipped.Method.DeclaringType!.Assembly;
        Assert.True(loaded.Context.IsCollectible);
        Assert.Same(loaded.Context, AssemblyLoadContext.GetLoadContext(shippedAssembly));
        Assert.NotSame(local.Method.DeclaringType!.Assembly, shippedAssembly);
        var inputs = Enumerable.Range(0, 40).Select(i => (long)i).ToArray();
        Assert.Equal(inputs.Select(local), inputs.Select(shipped));
    }

    [Fact]
    public void Load_PackagedDelegate_RestoresTheCapturedStateAsTheCallerHadIt()
    {
        var local = Fixtures.ScoringV1.Call<Func<long, long>>("Scoring.Closures", "Weighted", 5, new[] { 2, 3, 7 });
        var packaged = _packager.Package(local);
        packaged.UploadTo(_store);

        using var loaded = ShippedFunctionLoader.Load(packaged.Package, _contexts);

        var target = loaded.Function.Target!;
        Assert.Equal(5, target.GetType().GetField("offset")!.GetValue(target));
        Assert.Equal(new[] { 2, 3, 7 }, target.GetType().GetField("weights")!.GetValue(target));
    }

    [Fact]
    public void Load_FrameworkMethod_NeedsNoAssembly()
    {
        Func<long, long> abs = Math.Abs;
        var packaged = _packager.Package(abs);

        using var loaded = ShippedFunctionLoader.Load(packaged.Package, _contexts);

        Assert.Empty(packaged.Package.Assemblies);
        Assert.Equal(7L, ((Func<long, long>)loaded.Function)(-7));
    }

    [Fact]
    public void Load_ContentNotInTheStore_IsRefusedNamingTheAssemblyAndReleasesTheContext()
    {
        var packaged = _packager.Package(Fixtures.ScoringV1.Static<Func<long, long>>("Scoring.Score", "Bump"));

        var error = Assert.Throws<ShippedAssemblyException>(() => ShippedFunctionLoader.Load(packaged.Package, _contexts));

        Assert.Contains("'Scoring.dll'", error.Message, StringComparison.Ordinal);
        Assert.Contains("must be uploaded", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _contexts.Count);
    }

    [Fact]
    public void Load_AssemblyChangedOnDiskInTheStore_IsRefusedAtLoadNamingItAndBothHashes()
    {
        var packaged = _packager.Package(Fixtures.ScoringV1.Static<Func<long, long>>("Scoring.Score", "Bump"));
        packaged.UploadTo(_store);
        var scoring = Assert.Single(packaged.Package.Assemblies);
        var file = Path.Combine(_store.Directory, scoring.Hash);
        var tampered = File.ReadAllBytes(file);
        tampered[^1] ^= 0xff;
        File.WriteAllBytes(file, tampered);

        var error = Assert.Throws<ShippedAssemblyException>(() => ShippedFunctionLoader.Load(packaged.Package, _contexts));

        Assert.Contains("'Scoring.dll'", error.Message, StringComparison.Ordinal);
        Assert.Contains("changed on disk", error.Message, StringComparison.Ordinal);
        Assert.Contains(scoring.Hash, error.Message, StringComparison.Ordinal);
        Assert.Contains(ContentHash.Of(tampered), error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _contexts.Count);
        Assert.Equal([scoring.Hash], _store.Missing([scoring.Hash]));
    }

    [Fact]
    public void Load_MethodTokenThatNamesAnotherMethod_IsRefused()
    {
        var packaged = _packager.Package(Fixtures.ScoringV1.Static<Func<long, long>>("Scoring.Score", "Bump"));
        packaged.UploadTo(_store);
        var other = Fixtures.ScoringV1.Type("Scoring.Score").GetMethod("Version")!.MetadataToken;
        var wrong = packaged.Package with { Method = packaged.Package.Method with { MetadataToken = other } };

        var error = Assert.Throws<ShippedAssemblyException>(() => ShippedFunctionLoader.Load(wrong, _contexts));

        Assert.Contains("method Bump of Scoring.Score", error.Message, StringComparison.Ordinal);
        Assert.Contains("names Version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SameSetTwice_SharesOneContextUntilBothLeasesEnd()
    {
        var bump = _packager.Package(Fixtures.ScoringV1.Static<Func<long, long>>("Scoring.Score", "Bump"));
        var weighted = _packager.Package(Fixtures.ScoringV1.Call<Func<long, long>>("Scoring.Closures", "Weighted", 1, new[] { 1 }));
        bump.UploadTo(_store);

        var first = ShippedFunctionLoader.Load(bump.Package, _contexts);
        var second = ShippedFunctionLoader.Load(weighted.Package, _contexts);

        Assert.Same(first.Context, second.Context);
        first.Dispose();
        Assert.Equal(1, _contexts.Count);
        second.Dispose();
        Assert.Equal(0, _contexts.Count);
    }

    internal static Func<long, long> Make(string kind) => kind switch
    {
        "static method" => Fixtures.ScoringV1.Static<Func<long, long>>("Scoring.Score", "Bump"),
        "generic method" => Fixtures.ScoringV1.Type("Scoring.Closures").GetMethod("Same")!.MakeGenericMethod(typeof(long)).CreateDelegate<Func<long, long>>(),
        "lambda without captures" => Fixtures.ScoringV1.Call<Func<long, long>>("Scoring.Closures", "Square"),
        "closure in a generic method" => (Func<long, long>)Fixtures.ScoringV1.Type("Scoring.Closures").GetMethod("Counted")!.MakeGenericMethod(typeof(string))
            .Invoke(null, [new[] { "a", "b", "c" }])!,
        "closure over an int and an array" => Fixtures.ScoringV1.Call<Func<long, long>>("Scoring.Closures", "Weighted", 5, new[] { 2, 3, 7 }),
        "nested closures" => Fixtures.ScoringV1.Call<Func<long, long>>("Scoring.Closures", "Nested", 4, new List<int> { 1, 2, 3 }),
        "closure over a dictionary" => Fixtures.ScoringV1.Call<Func<long, long>>("Scoring.Closures", "Counting", new Dictionary<string, long> { ["base"] = 100, ["other"] = 1 }),
        "closure over the user's own types" => Fixtures.ScoringV1.Call<Func<long, long>>("Scoring.Closures", "Shapes"),
        "instance method on a record" => Fixtures.ScoringV1.Type("Scoring.Scaler").GetMethod("Apply")!
            .CreateDelegate<Func<long, long>>(Fixtures.ScoringV1.New("Scoring.Scaler", 3L, "abc")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public void Dispose() => _directory.Dispose();
}
