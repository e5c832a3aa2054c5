namespace ActorMap.Compute.Jobs;

/// <summary>
/// An ordered left fold over the results as they are released in input order, so a
/// non-commutative reduce (string concatenation) gives the sequential answer. Without a seed
/// the first result starts the fold, so <typeparamref name="TAcc"/> is then <typeparamref name="TOut"/>.
/// </summary>
internal sealed class ReduceSink<TOut, TAcc> : ResultSink
{
    private readonly Func<TAcc, TOut, TAcc> _reduce;
    private readonly TaskCompletionSource<TAcc> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TAcc _accumulator;
    private bool _hasValue;

    public ReduceSink(Func<TAcc, TOut, TAcc> reduce, bool hasSeed, TAcc seed)
    {
        if (!hasSeed && typeof(TAcc) != typeof(TOut))
        {
            throw new ArgumentException($"a fold into {typeof(TAcc).Name} needs a seed: the first {typeof(TOut).Name} cannot start it", nameof(hasSeed));
        }
        _reduce = reduce;
        _accumulator = seed;
        _hasValue = hasSeed;
    }

    public Task<TAcc> Task => _done.Task;

    public override void Accept(long firstIndex, ChunkOutput output)
    {
        var results = ChunkOutputs.As<TOut>(output);
        var i = 0;
        if (!_hasValue && results.Length > 0)
        {
            _accumulator = (TAcc)(object)results[0]!;
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
