using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using ActorMap.Functions.Shipping;
using ActorMap.Functions.Tests.Support;

namespace ActorMap.Functions.Tests.Shipping;

public sealed class ShippedLoadContextSpec : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly AssemblyStore _store;
    private readonly ShippedContexts _contexts;
    private readonly DelegatePackager _packager = new(new FileHashes(), new NativeAssets([]));

    public ShippedLoadContextSpec()
    {
        _store = new AssemblyStore(_directory.Combine("store"));
        _contexts = new ShippedContexts(_store);
    }

    [Fact]
    public async Task Load_TwoVersionsOfOneAssembly_RunSideBySideWithTheirOwnResults()
    {
        var v1 = _packager.Package(Fixtures.ScoringV1.Static<Func<long, long>>("Scoring.Score", "Bump"));
        var v2 = _packager.Package(Fixtures.ScoringV2.Static<Func<long, long>>("Scoring.Score", "Bump"));
        v1.UploadTo(_store);
        v2.UploadTo(_store);

        using var one = ShippedFunctionLoader.Load(v1.Package, _contexts);
        using var two = ShippedFunctionLoader.Load(v2.Package, _contexts);
        var bumpOne = (Func<long, long>)one.Function;
        var bumpTwo = (Func<long, long>)two.Function;
        // Both at once, on two threads, many times: neither context's Scoring leaks into the other.
        var results = await Task.WhenAll(
            Task.Run(() => Enumerable.Range(0, 10_000).Select(i => bumpOne(i) - i).Distinct().ToArray()),
            Task.Run(() => Enumerable.Range(0, 10_000).Select(i => bumpTwo(i) - i).Distinct().ToArray()));

        Assert.Equal([1L], results[0]);
        Assert.Equal([2L], results[1]);
        Assert.Equal(2, _contexts.Count);
        Assert.Equal(new Version(1, 0, 0, 0), bumpOne.Method.DeclaringType!.Assembly.GetName().Version);
        Assert.Equal(new Version(2, 0, 0, 0), bumpTwo.Method.DeclaringType!.Assembly.GetName().Version);
        Assert.Contains(two.Context.Assemblies, a => a.GetName().Name == "Fractions");
        Assert.DoesNotContain(one.Context.Assemblies, a => a.GetName().Name == "Fractions");
    }

    [Fact]
    public void Load_HostAssemblies_ComeFromTheDefaultContext()
    {
        var v2 = _packager.Package(Fixtures.ScoringV2.Static<Func<long, long>>("Scoring.Score", "Bump"));
        v2.UploadTo(_store);

        using var loaded = ShippedFunctionLoader.Load(v2.Package, _contexts);
        var scoring = loaded.Function.Method.DeclaringType!.Assembly;

        Assert.Same(typeof(object).Assembly, loaded.Context.LoadFromAssemblyName(typeof(object).Assembly.GetName()));
        Assert.Same(typeof(TypedFunction).Assembly, loaded.Context.LoadFromAssemblyName(typeof(TypedFunction).Assembly.GetName()));
        Assert.Same(typeof(Compute.MapPool).Assembly, loaded.Context.LoadFromAssemblyName(typeof(Compute.MapPool).Assembly.GetName()));
        Assert.Same(typeof(Akka.Actor.ActorSystem).Assembly, loaded.Context.LoadFromAssemblyName(typeof(Akka.Actor.ActorSystem).Assembly.GetName()));
        // The shipped Fractions, not the one the default context resolves from beside the specs.
        var fractions = loaded.Context.LoadFromAssemblyName(new System.Reflection.AssemblyName("Fractions"));
        Assert.Same(loaded.Context, AssemblyLoadContext.GetLoadContext(fractions));
        Assert.Same(loaded.Context, AssemblyLoadContext.GetLoadContext(scoring));
    }

    [Theory]
    [MemberData(nameof(ShippedFunctionLoaderSpec.Kinds), MemberType = typeof(ShippedFunctionLoaderSpec))]
    public void Unload_AfterTheLastLease_TheContextIsCollected(string kind)
    {
        var packaged = _packager.Package(ShippedFunctionLoaderSpec.Make(kind));
        packaged.UploadTo(_store);

        var context = LoadCallAndRelease(packaged.Package);

        Assert.Equal(0, _contexts.Count);
        Assert.All(packaged.Package.ContentHashes(), hash => Assert.False(_store.IsPinned(hash)));
        Assert.True(Collection.Collected(context), $"the context of the {kind} is still alive after the last lease and 20 collections");
    }

    [Fact]
    public void Load_NativeLibraryOfTheSet_IsFoundInTheStoreAndCalled()
    {
        // The fixture P/Invokes "actormapz", which exists only as the set's native library: a copy
        // of the system's zlib. Linux only, where that zlib is.
        var zlib = new[] { "/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1", "/lib/aarch64-linux-gnu/libz.so.1" }.FirstOrDefault(File.Exists);
        if (!OperatingSystem.IsLinux() || zlib is null)
        {
            return;
        }
        var deps = NativeAssetsSpec.WriteApp(_directory, "Zprobe", "libactormapz.so", zlib);
        var packager = new DelegatePackager(new FileHashes(), new NativeAssets([deps]));
        var packaged = packager.Package(Fixtures.Native.Static<Func<long, long>>("Zprobe.Probe", "VersionLength"));
        packaged.UploadTo(_store);

        using var loaded = ShippedFunctionLoader.Load(packaged.Package, _contexts);

        var native = Assert.Single(Assert.Single(packaged.Package.Assemblies).Natives);
        Assert.Equal("libactormapz.so", native.FileName);
        Assert.True(((Func<long, long>)loaded.Function)(0) > 0);
        Assert.Equal(_store.VerifiedPath(native.Hash, native.FileName), loaded.Context.NativePath("actormapz"));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WeakReference LoadCallAndRelease(FunctionPackage package)
    {
        using var loaded = ShippedFunctionLoader.Load(package, _contexts);
        Assert.NotEqual(long.MinValue, ((Func<long, long>)loaded.Function)(3));
        return new WeakReference(loaded.Context);
    }

    public void Dispose() => _directory.Dispose();
}
