using System.Collections.Concurrent;
using ActorMap.Compute.Jobs;
using ActorMap.Functions.Shipping;
using Akka.Actor;
using Akka.Actor.Setup;

namespace ActorMap.Hosting.Shipping;

/// <summary>
/// A node's shipped functions: its store of assemblies, their load contexts, and the function of
/// each job whose chunks run here, loaded on the job's first chunk and released when the job ends
/// (the router's CancelChunks, or the node leaving), which unloads its context once no other job uses it.
/// </summary>
internal sealed class ShippedFunctions : IExtension
{
    private readonly ExtendedActorSystem _system;
    private readonly ConcurrentDictionary<string, ShippedJob> _jobs = new(StringComparer.Ordinal);

    public ShippedFunctions(ExtendedActorSystem system, ShippingSettings settings)
    {
        _system = system;
        Settings = settings;
        Store = new AssemblyStore(settings.StoreDirectory, settings.StoreSizeLimit);
        Contexts = new ShippedContexts(Store);
    }

    public static ShippedFunctions Get(ActorSystem system) => system.WithExtension<ShippedFunctions, ShippedFunctionsProvider>();

    public ShippingSettings Settings { get; }

    public AssemblyStore Store { get; }

    public ShippedContexts Contexts { get; }

    /// <summary>Jobs whose function is loaded on this node now.</summary>
    public int LoadedJobs => _jobs.Count;

    /// <summary>
    /// The chunk's function. Nothing is read or fetched here (this runs on remoting's thread):
    /// the job's first chunk on this node loads it, on its worker.
    /// </summary>
    /// <exception cref="FormatException"><paramref name="packageHash"/> is not a SHA-256 in hex (a corrupt frame).</exception>
    public IMapFunction ForChunk(long jobId, string packageHash, string server, string elementType, CancellationToken jobToken)
    {
        if (!ContentHash.IsValid(packageHash))
        {
            throw new FormatException($"a RunChunk names function package '{packageHash}', not a SHA-256");
        }
        // By the package too: a Seed restarted counts its jobs from 1 again.
        return new ShippedChunkFunction(this, $"{jobId}:{packageHash}", packageHash, server, elementType, jobToken);
    }

    internal ShippedJob JobFor(string key, string packageHash, string server, CancellationToken jobToken)
    {
        var job = _jobs.GetOrAdd(key, _ => new ShippedJob(_system, this, packageHash, server));
        job.ReleaseWhen(jobToken, () => Release(key, job));
        return job;
    }

    private void Release(string key, ShippedJob job)
    {
        _jobs.TryRemove(new KeyValuePair<string, ShippedJob>(key, job));
        job.Dispose();
    }
}

internal sealed class ShippedFunctionsProvider : ExtensionIdProvider<ShippedFunctions>
{
    public override ShippedFunctions CreateExtension(ExtendedActorSystem system)
    {
        var setup = system.Settings.Setup.Get<ShippingSetup>();
        // A system started without a node's settings (a spec's) gets a store of its own.
        var settings = setup.HasValue ? setup.Value.Settings
            : new ShippingSettings(Path.Combine(Path.GetTempPath(), "actormap-store", $"{system.Name}-{Guid.NewGuid():N}"),
                AssemblyStore.DefaultSizeLimit, TimeSpan.FromMinutes(10), 256L << 20);
        return new ShippedFunctions(system, settings);
    }
}

/// <summary>How a node's actor system learns its <see cref="ShippingSettings"/>.</summary>
internal sealed class ShippingSetup(ShippingSettings settings) : Setup
{
    public ShippingSettings Settings { get; } = settings;
}
