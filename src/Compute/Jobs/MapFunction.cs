namespace ActorMap.Compute.Jobs;

/// <summary>The job's function, applied to a whole chunk on a worker.</summary>
internal interface IMapFunction
{
    /// <summary>Throws <see cref="ElementFailedException"/> naming the element when the function throws.</summary>
    ChunkOutput Apply(long firstIndex, ChunkInput input, CancellationToken cancellation);
}

internal sealed class MapFunction<TIn, TOut>(Func<TIn, TOut> function) : IMapFunction
{
    // Cancellation is checked every this many elements: often enough to stop promptly,
    // rarely enough to cost nothing on cheap functions.
    private const int CancellationStride = 1024;

    public ChunkOutput Apply(long firstIndex, ChunkInput input, CancellationToken cancellation) => input switch
    {
        ArrayChunk<TIn> array => new ChunkOutput<TOut>(MapArray(firstIndex, array.Items, cancellation)),
        RangeChunk range when typeof(TIn) == typeof(long) => new ChunkOutput<TOut>(MapRange(firstIndex, range, cancellation)),
        _ => throw new InvalidOperationException($"A function of {typeof(TIn).Name} cannot take a {input.GetType().Name}"),
    };

    private TOut[] MapArray(long firstIndex, TIn[] items, CancellationToken cancellation)
    {
        var results = new TOut[items.Length];
        var i = 0;
        try
        {
            for (; i < items.Length; i++)
            {
                if ((i & (CancellationStride - 1)) == 0)
                {
                    cancellation.ThrowIfCancellationRequested();
                }
                results[i] = function(items[i]);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            throw new ElementFailedException(firstIndex + i, e);
        }
        return results;
    }

    private TOut[] MapRange(long firstIndex, RangeChunk range, CancellationToken cancellation)
    {
        var asLong = (Func<long, TOut>)(object)function;
        var results = new TOut[range.Count];
        var i = 0;
        try
        {
            for (; i < results.Length; i++)
            {
                if ((i & (CancellationStride - 1)) == 0)
                {
                    cancellation.ThrowIfCancellationRequested();
                }
                results[i] = asLong(range.First + i);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            throw new ElementFailedException(firstIndex + i, e);
        }
        return results;
    }
}

/// <summary>The function threw on one element; what the worker's supervisor sees.</summary>
internal sealed class ElementFailedException(long elementIndex, Exception cause)
    : Exception($"Element {elementIndex} failed: {cause.GetType().FullName}: {cause.Message}", cause)
{
    public long ElementIndex { get; } = elementIndex;
}
