namespace ActorMap.Compute.Jobs;

/// <summary>Gathers every result into one array in input order (Pool.map).</summary>
internal sealed class CollectSink<TOut>(long length) : ResultSink
{
    private readonly TOut[] _results = new TOut[length];
    private readonly TaskCompletionSource<TOut[]> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TOut[]> Task => _done.Task;

    public override void Accept(long firstIndex, ChunkOutput output)
    {
        if (output is not InPlaceOutput)
        {
            var results = ChunkOutputs.As<TOut>(output);
            Array.Copy(results, 0, _results, firstIndex, results.Length);
        }
    }

    public override ChunkDestination? DestinationFor(long firstIndex) =>
        _results.Length <= Array.MaxLength ? new ChunkDestination(_results, firstIndex) : null;

    protected override void OnComplete() => _done.TrySetResult(_results);

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
