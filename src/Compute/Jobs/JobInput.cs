namespace ActorMap.Compute.Jobs;

/// <summary>A job's whole input, cut into chunks on demand so only chunks in flight exist at once.</summary>
internal abstract class JobInput
{
    public abstract long Length { get; }

    public abstract ChunkInput Slice(long offset, int count);
}

internal sealed class RangeInput(LongRange range) : JobInput
{
    public override long Length => range.Length;

    public override ChunkInput Slice(long offset, int count) => new RangeChunk(range.Start + offset, count);
}

internal sealed class ListInput<T>(IReadOnlyList<T> items) : JobInput
{
    public override long Length => items.Count;

    public override ChunkInput Slice(long offset, int count)
    {
        var slice = new T[count];
        if (items is T[] array)
        {
            Array.Copy(array, offset, slice, 0, count);
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                slice[i] = items[(int)offset + i];
            }
        }
        return new ArrayChunk<T>(slice);
    }
}
