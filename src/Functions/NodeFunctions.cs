using System.Collections.Concurrent;
using ActorMap.Compute.Jobs;
using ActorMap.Functions.Input;

namespace ActorMap.Functions;

/// <summary>
/// Lambdas that arrived from another node, compiled once per (source, element type) on this
/// node — lazily, on the first chunk's worker, so the connection that carried the chunk never
/// waits for Roslyn — and cached on disk like the console's.
/// </summary>
internal static class NodeFunctions
{
    private static readonly ConcurrentDictionary<FunctionSource, Lazy<IMapFunction>> s_compiled = new();

    public static LambdaCache Cache { get; set; } =
        LambdaCache.For(Environment.GetEnvironmentVariable, Path.GetFullPath);

    public static IMapFunction For(FunctionSource source) =>
        new SourcedMapFunction(source, new LazyFunction(s_compiled.GetOrAdd(source, static s => new Lazy<IMapFunction>(() => Compile(s)))));

    private static IMapFunction Compile(FunctionSource source)
    {
        var kind = ElementKindExtensions.ParseCSharpName(source.ElementType);
        return FunctionLoader.Load(new LambdaSource(source.Lambda, kind, null), Cache).Function.CreateMapFunction();
    }

    // A compile error surfaces as the chunk's failure (element = first of the chunk), so the job fails with it.
    private sealed class LazyFunction(Lazy<IMapFunction> compiled) : IMapFunction
    {
        public ChunkOutput Apply(long firstIndex, ChunkInput input, ChunkDestination? destination, CancellationToken cancellation)
        {
            IMapFunction function;
            try
            {
                function = compiled.Value;
            }
            catch (Exception e)
            {
                throw new ElementFailedException(firstIndex, e);
            }
            return function.Apply(firstIndex, input, destination, cancellation);
        }
    }
}
