using ActorMap.Compute.Jobs;
using ActorMap.Functions.Shipping;
using Akka.Actor;
using Akka.Event;

namespace ActorMap.Hosting.Shipping;

/// <summary>
/// One job's shipped function on one node: loaded by the job's first chunk here (fetching what the
/// store lacks from the Seed), shared by the job's other chunks, released at the job's end. A load
/// that fails is not remembered, so a retried chunk tries again (the Seed may be back).
/// </summary>
internal sealed class ShippedJob(ExtendedActorSystem system, ShippedFunctions owner, string packageHash, string server) : IDisposable
{
    private readonly object _gate = new();
    private LoadedShippedFunction? _loaded;
    private IMapFunction? _function;
    private CancellationTokenRegistration _release;
    private bool _releaseRegistered;
    private bool _disposed;

    public void ReleaseWhen(CancellationToken jobToken, Action release)
    {
        lock (_gate)
        {
            if (_releaseRegistered)
            {
                return;
            }
            _releaseRegistered = true;
        }
        // Outside the lock: an ended job's token runs the release at once, which takes the lock.
        _release = jobToken.Register(release);
    }

    /// <summary>The job's function, loaded on first use; throws what stops it loading (a <see cref="ShippedAssemblyException"/> names the file).</summary>
    public IMapFunction Function(CancellationToken cancellation)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_function is not null)
            {
                return _function;
            }
            var store = owner.Store;
            var parsed = Package(store, cancellation);
            // Pinned from the fetch until the context holds them, so an eviction cannot come between.
            using (store.Pin(parsed.ContentHashes()))
            {
                var missing = store.Missing(parsed.ContentHashes());
                if (missing.Count > 0)
                {
                    var fetched = AssemblyFetcher.Fetch(system, server, parsed, missing, store, cancellation);
                    system.Log.Info("fetched {0} shipped files ({1} bytes) from the Seed for {2}", missing.Count, fetched, parsed.Method.Name);
                }
                _loaded = ShippedFunctionLoader.Load(parsed, owner.Contexts);
            }
            _function = _loaded.CreateMapFunction();
            return _function;
        }
    }

    // The package itself comes from the Seed's store like the files it names, checked by its hash.
    private FunctionPackage Package(AssemblyStore store, CancellationToken cancellation)
    {
        using (store.Pin([packageHash]))
        {
            if (!store.Has(packageHash))
            {
                AssemblyFetcher.Fetch(system, server, packageHash, PackageName, store, cancellation);
            }
            return FunctionPackage.FromBytes(store.Read(packageHash, PackageName));
        }
    }

    private const string PackageName = "the job's function package";

    public void Dispose()
    {
        LoadedShippedFunction? loaded;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            loaded = _loaded;
            _loaded = null;
            _function = null;
        }
        _release.Dispose();
        loaded?.Dispose();
    }
}
