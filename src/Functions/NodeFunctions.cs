using ActorMap.Compute.Jobs;
using ActorMap.Functions.Input;

namespace ActorMap.Functions;

/// <summary>
/// Lambdas that arrived from another node, compiled once per (source, element type) on this
/// node — lazily, on the first chunk's worker, so the connection that carried the chunk never
/// waits for Roslyn — and cached on disk like the console's. In memory at most
/// <see cref="LoadedFunctions.Capacity"/> stay loaded (ACTORMAP_LOADED_LAMBDAS); each chunk
/// holds its lambda only while it runs.
/// </summary>
internal static class NodeFunctions
{
    public static LambdaCache Cache { get; set; } =
        LambdaCache.For(Environment.GetEnvironmentVariable, Path.GetFullPath);

    // Cache is read at each load, as it may be set after start-up; a bad ACTORMAP_LOADED_LAMBDAS
    // fails every chunk with its message.
    private static readonly Lazy<LoadedFunctions> s_loaded = new(() => new LoadedFunctions(
        source => FunctionLoader.Load(source, Cache), LoadedFunctions.CapacityFrom(Environment.GetEnvironmentVariable)));

    /// <summary>This process's loaded lambdas, shared by the workers and the Seed's job runner.</summary>
    public static LoadedFunctions Loaded => s_loaded.Value;

    public static IMapFunction For(FunctionSource source) => new SourcedMapFunction(source, new LeasedFunction(source));

    // A compile error surfaces as the chunk's failure (element = first of the chunk), so the job fails with it.
    private sealed class LeasedFunction(FunctionSource source) : IMapFunction
    {
        public ChunkOutput Apply(long firstIndex, ChunkInput input, ChunkDestination? destination, CancellationToken cancellation)
        {
            FunctionLease lease;
            IMapFunction function;
            try
            {
                var kind = ElementKindExtensions.ParseCSharpName(source.ElementType);
                lease = Loaded.Acquire(new LambdaSource(source.Lambda, kind, null));
                function = lease.Function.Function.CreateMapFunction();
            }
            catch (Exception e)
            {
                throw new ElementFailedException(firstIndex, e);
            }
            using (lease)
            {
                return function.Apply(firstIndex, input, destination, cancellation);
            }
        }
    }
}
