namespace ActorMap.Compute.Jobs;

/// <summary>The elements of one chunk, as a worker receives them.</summary>
internal abstract class ChunkInput
{
    public abstract int Count { get; }
}

/// <summary>A sub-range of a range input: travels as its two bounds, never as elements.</summary>
internal sealed class RangeChunk(long first, int count) : ChunkInput
{
    public long First { get; } = first;

    public override int Count { get; } = count;
}

/// <summary>A slice of an array input, copied out of the caller's list.</summary>
internal sealed class ArrayChunk<T>(T[] items) : ChunkInput
{
    public T[] Items { get; } = items;

    public override int Count => Items.Length;
}

/// <summary>The mapped results of one chunk, in element order.</summary>
internal abstract class ChunkOutput
{
    public abstract int Count { get; }

    /// <summary>The results as an array of their own type (for the wire); null when written in place.</summary>
    public abstract Array? Values { get; }
}

/// <summary>
/// The results were written straight into the caller's result array (a local worker and a
/// collecting sink): nothing to copy, only the count travels.
/// </summary>
internal sealed class InPlaceOutput(int count) : ChunkOutput
{
    public override int Count { get; } = count;

    public override Array? Values => null;
}

/// <summary>Where a local worker may write a chunk's results directly: the sink's array at an offset.</summary>
internal sealed record ChunkDestination(Array Array, long Offset);

internal sealed class ChunkOutput<T>(T[] results) : ChunkOutput
{
    public T[] Results { get; } = results;

    public override int Count => Results.Length;

    public override Array Values => Results;
}
