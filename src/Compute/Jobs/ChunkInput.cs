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
}

internal sealed class ChunkOutput<T>(T[] results) : ChunkOutput
{
    public T[] Results { get; } = results;

    public override int Count => Results.Length;
}
