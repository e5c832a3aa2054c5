using ActorMap.Functions.Shipping;

namespace ActorMap.Bench.Shipping;

/// <summary>
/// A delegate packaged and loaded back in this process exactly as a node loads it (a store, a
/// collectible <see cref="ShippedLoadContext"/> holding the library and Fractions.dll read from
/// it): run in the local pool, it tells the load context's share of the shipped per-element cost
/// from the node process's (its GC, its other threads). Disposing releases the context.
/// </summary>
internal sealed class AsNodeLoads : IDisposable
{
    private readonly LoadedShippedFunction _loaded;

    private AsNodeLoads(LoadedShippedFunction loaded) => _loaded = loaded;

    public Func<long, long> Function => (Func<long, long>)_loaded.Function;

    public static AsNodeLoads Load(Func<long, long> function, string storeDirectory)
    {
        var packaged = DelegatePackager.Default.Package(function);
        var store = new AssemblyStore(storeDirectory);
        packaged.UploadTo(store);
        return new AsNodeLoads(ShippedFunctionLoader.Load(packaged.Package, new ShippedContexts(store)));
    }

    public void Dispose() => _loaded.Dispose();
}
