namespace ActorMap.Compute.Jobs;

/// <summary>The job's function, applied to a whole chunk on a worker.</summary>
internal interface IMapFunction
{
    /// <summary>Throws <see cref="ElementFailedException"/> naming the element when the function throws.</summary>
    ChunkOutput Apply(long firstIndex, ChunkInput input, ChunkDestination? destination, CancellationToken cancellation);
}

/// <summary>A function that can say what it is, for a job's report.</summary>
internal interface IDescribedFunction
{
    string Description { get; }
}

internal sealed class MapFunction<TIn, TOut>(Func<TIn, TOut> function) : IMapFunction, IDescribedFunction
{
    // Cancellation is checked every this many elements: often enough to stop promptly,
    // rarely enough to cost nothing on cheap functions.
    private const int CancellationStride = 16;

    public string Description => $"Func<{typeof(TIn).Name}, {typeof(TOut).Name}> {function.Method.DeclaringType?.Name}.{function.Method.Name}";

    public ChunkOutput Apply(long firstIndex, ChunkInput input, ChunkDestination? destination, CancellationToken cancellation)
    {
        // Writing in place saves a chunk-sized allocation and a copy per chunk, which is most of
        // the cost of a cheap function. Attempts of one chunk never overlap locally: a retry is
        // only sent after the failed attempt has ended.
        var inPlace = destination?.Array is TOut[] target
            ? new Span<TOut>(target, checked((int)destination.Offset), input.Count)
            : default;
        var owned = inPlace.IsEmpty && input.Count > 0 ? new TOut[input.Count] : null;
        var results = owned is not null ? owned : inPlace;
        switch (input)
        {
            case ArrayChunk<TIn> array:
                MapArray(firstIndex, array.Items, results, cancellation);
                break;
            case RangeChunk range when typeof(TIn) == typeof(long):
                MapRange(firstIndex, range, results, cancellation);
                break;
            default:
                throw new InvalidOperationException($"A function of {typeof(TIn).Name} cannot take a {input.GetType().Name}");
        }
        return owned is null && input.Count > 0 ? new InPlaceOutput(input.Count) : new ChunkOutput<TOut>(owned ?? []);
    }

    private void MapArray(long firstIndex, TIn[] items, Span<TOut> results, CancellationToken cancellation)
    {
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
    }

    private void MapRange(long firstIndex, RangeChunk range, Span<TOut> results, CancellationToken cancellation)
    {
        var asLong = (Func<long, TOut>)(object)function;
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
    }
}

/// <summary>The function threw on one element; what the worker's supervisor sees.</summary>
internal sealed class ElementFailedException(long elementIndex, Exception cause)
    : Exception($"Element {elementIndex} failed: {cause.GetType().FullName}: {cause.Message}", cause)
{
    public long ElementIndex { get; } = elementIndex;

    /// <summary>The directive the job's policy gives this exception's type, set by the worker, for a supervisor that serves many jobs (a node's workers).</summary>
    public Akka.Actor.Directive? Directive { get; set; }
}
