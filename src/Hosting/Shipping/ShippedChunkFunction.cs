using ActorMap.Compute.Jobs;

namespace ActorMap.Hosting.Shipping;

/// <summary>
/// A chunk's function when the job ships the caller's code: the job's function on this node,
/// loaded by the first chunk. A function that cannot load fails the chunk at its first element,
/// so the job fails with the reason (a file the Seed lacks, a hash that does not match).
/// </summary>
internal sealed class ShippedChunkFunction(ShippedFunctions functions, string key, string packageHash, string server, string elementType, CancellationToken jobToken)
    : IMapFunction
{
    /// <summary>What the chunk named, so the chunk can be written again as it came (to another node).</summary>
    public FunctionSource Source { get; } = new(packageHash, elementType) { PackageHash = packageHash };

    public string Server { get; } = server;

    public ChunkOutput Apply(long firstIndex, ChunkInput input, ChunkDestination? destination, CancellationToken cancellation)
    {
        IMapFunction function;
        try
        {
            function = functions.JobFor(key, packageHash, Server, jobToken).Function(cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            throw new ElementFailedException(firstIndex, e);
        }
        return function.Apply(firstIndex, input, destination, cancellation);
    }
}
