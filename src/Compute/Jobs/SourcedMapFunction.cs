namespace ActorMap.Compute.Jobs;

/// <summary>
/// The source of a job's lambda and its element type as C# writes it (<c>long</c>,
/// <c>double[]</c>…): what travels to other nodes, which compile it themselves. A shipped
/// function travels as its package's hash (<see cref="PackageHash"/>) instead, and <see cref="Lambda"/> describes it.
/// </summary>
internal sealed record FunctionSource(string Lambda, string ElementType)
{
    /// <summary>The SHA-256 of the caller's packaged delegate in the Seed's store (ActorMap.Functions' FunctionPackage); null for lambda source.</summary>
    public string? PackageHash { get; init; }
}

/// <summary>
/// A function that knows its source: applied here through <paramref name="local"/>, shipped to
/// another node as <see cref="Source"/>.
/// </summary>
internal sealed class SourcedMapFunction(FunctionSource source, IMapFunction local) : IMapFunction
{
    public FunctionSource Source { get; } = source;

    public ChunkOutput Apply(long firstIndex, ChunkInput input, ChunkDestination? destination, CancellationToken cancellation) =>
        local.Apply(firstIndex, input, destination, cancellation);
}

/// <summary>Results that crossed the wire as JSON, one text per element, for a result type with no packed form.</summary>
internal sealed class JsonChunkOutput(string[] elements) : ChunkOutput
{
    public string[] Elements { get; } = elements;

    public override int Count => Elements.Length;

    public override Array Values => Elements;
}
