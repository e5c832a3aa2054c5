namespace ActorMap.Compute.Jobs;

/// <summary>
/// An ordered left fold over the results as they are released in input order, so a
/// non-commutative reduce (string concatenation) gives the sequential answer.
/// </summary>
internal sealed class ReduceSink<TOut> : ResultSink
{
    private readonly Func<TOut, TOut, TOut> _reduce;
    private readonly TaskCompletionSource<TOut> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TOut _accumulator;
    private bool _hasValue;

    public ReduceSink(Func<TOut, TOut, TOut> reduce, bool hasSeed, TOut seed)
    {
        _reduce = reduce;
        _accumulator = seed;
        _hasValue = hasSeed;
    }

    public Task<TOut> Task => _done.Task;

    public override void Accept(long firstIndex, ChunkOutput output)
    {
        var results = ChunkOutputs.As<TOut>(output);
        var i = 0;
        if (!_hasValue && results.Length > 0)
        {
            _accumulator = results[0];
            _hasValue = true;
            i = 1;
        }
        try
        {
            for (; i < results.Length; i++)
            {
                _accumulator = _reduce(_accumulator, results[i]);
            }
        }
        catch (Exception e)
        {
            throw new ReduceFailedException(firstIndex + i, e);
        }
    }

    protected override void OnComplete()
    {
        if (_hasValue)
        {
            _done.TrySetResult(_accumulator);
        }
        else
        {
            _done.TrySetException(new InvalidOperationException("reduce of an empty input with no initial value"));
        }
    }

    protected override void OnFail(Exception error)
    {
        if (error is OperationCanceledException cancelled)
        {
            _done.TrySetCanceled(cancelled.CancellationToken);
        }
        else
        {
            _done.TrySetException(error);
        }
    }
}

/// <summary>The reduce function threw while folding in the result of one element.</summary>
internal sealed class ReduceFailedException(long elementIndex, Exception cause)
    : Exception($"Reduce failed at element {elementIndex}: {cause.GetType().FullName}: {cause.Message}", cause)
{
    public long ElementIndex { get; } = elementIndex;
}
