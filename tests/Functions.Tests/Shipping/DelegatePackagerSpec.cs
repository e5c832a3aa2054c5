using ActorMap.Functions.Shipping;
using ActorMap.Functions.Tests.Support;

namespace ActorMap.Functions.Tests.Shipping;

public sealed class DelegatePackagerSpec : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Package_StaticMethod_ShipsItsAssemblyWithItsPdbAndNothingTheNodeHas()
    {
        var packaged = Packager().Package(Fixtures.ScoringV1.Static<Func<long, long>>("Scoring.Score", "Bump"));

        var scoring = Assert.Single(packaged.Package.Assemblies);
        Assert.Equal("Scoring", scoring.Name);
        Assert.Equal("1.0.0.0", scoring.Version);
        Assert.Equal(ContentHash.OfFile(Fixtures.ScoringV1.Assembly.Location), scoring.Hash);
        Assert.Equal(ContentHash.OfFile(Path.ChangeExtension(Fixtures.ScoringV1.Assembly.Location, ".pdb")), scoring.PdbHash);
        Assert.Null(packaged.Package.Target);
        Assert.Equal("Bump", packaged.Package.Method.Name);
        Assert.Equal(["System.Int64"], packaged.Package.Method.ParameterTypes);
        Assert.Equal(typeof(long).AssemblyQualifiedName, packaged.Package.InputType);
    }

    [Fact]
    public void Package_AssemblyWithANuGetDependency_ShipsThePackageAssemblyToo()
    {
        var packaged = Packager().Package(Fixtures.ScoringV2.Static<Func<long, long>>("Scoring.Score", "Bump"));

        Assert.Equal(["Fractions", "Scoring"], packaged.Package.Assemblies.Select(a => a.Name).Order());
        Assert.Equal("2.0.0.0", packaged.Package.Assemblies.Single(a => a.Name == "Scoring").Version);
    }

    [Fact]
    public void Package_Closure_CarriesItsStateAsJsonAndItsClosureType()
    {
        var packaged = Packager().Package(Fixtures.ScoringV1.Call<Func<long, long>>("Scoring.Closures", "Weighted", 5, new[] { 2, 3 }));

        var target = packaged.Package.Target!;
        Assert.Contains("<>c__DisplayClass", target.Type, StringComparison.Ordinal);
        Assert.EndsWith(", Scoring, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null", target.Type, StringComparison.Ordinal);
        Assert.Equal("""{"weights":[2,3],"offset":5}""", System.Text.Encoding.UTF8.GetString(target.Json));
    }

    [Fact]
    public void Package_Twice_ReadsEachFileOnceAndTheStoreLacksNothingTheSecondTime()
    {
        var hashes = new FileHashes();
        var packager = Packager(hashes);
        var store = new AssemblyStore(_directory.Combine("store"));

        var first = packager.Package(Fixtures.ScoringV1.Static<Func<long, long>>("Scoring.Score", "Bump"));
        var firstUpload = first.UploadTo(store);
        var readsAfterFirst = hashes.Reads;
        var second = packager.Package(Fixtures.ScoringV1.Call<Func<long, long>>("Scoring.Closures", "Weighted", 1, new[] { 1 }));

        Assert.Equal(2, readsAfterFirst);
        Assert.Equal(2, hashes.Reads);
        Assert.Equal(new FileInfo(Fixtures.ScoringV1.Assembly.Location).Length + new FileInfo(Path.ChangeExtension(Fixtures.ScoringV1.Assembly.Location, ".pdb")).Length, firstUpload);
        Assert.Empty(store.Missing(second.Package.ContentHashes()));
        Assert.Equal(0, second.UploadTo(store));
    }

    [Fact]
    public void Package_AnotherVersion_LeavesTheStoreLackingOnlyItsOwnFiles()
    {
        var packager = Packager();
        var store = new AssemblyStore(_directory.Combine("store"));
        packager.Package(Fixtures.ScoringV1.Static<Func<long, long>>("Scoring.Score", "Bump")).UploadTo(store);

        var v2 = packager.Package(Fixtures.ScoringV2.Static<Func<long, long>>("Scoring.Score", "Bump"));

        Assert.Equal(v2.Package.ContentHashes().Order(), store.Missing(v2.Package.ContentHashes()).Order());
        Assert.Equal(v2.Package.ContentHashes().Count(), store.Missing(v2.Package.ContentHashes()).Count);
    }

    [Fact]
    public void Package_DelegateWithTwoParameters_IsRefused()
    {
        Func<long, long, long> add = (a, b) => a + b;

        var error = Assert.Throws<UnshippableFunctionException>(() => Packager().Package(add));

        Assert.Contains("must take one element and return a result", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_MulticastDelegate_IsRefused()
    {
        Func<long, long> one = Math.Abs;
        var both = (Func<long, long>)Delegate.Combine(one, one)!;

        Assert.Contains("multicast", Assert.Throws<UnshippableFunctionException>(() => Packager().Package(both)).Message, StringComparison.Ordinal);
    }

    private static DelegatePackager Packager(FileHashes? hashes = null) => new(hashes ?? new FileHashes(), new NativeAssets([]));

    public void Dispose() => _directory.Dispose();
}
