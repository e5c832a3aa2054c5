namespace ActorMap.Compute.Jobs;

/// <summary>
/// Where a job's results go. Called only from the job's aggregator actor, one call at a time;
/// <see cref="Complete"/> or <see cref="Fail"/> ends it exactly once.
/// </summary>
internal abstract class ResultSink
{
    private int _ended;

    /// <summary>True when chunks must arrive in input order; false for imap_unordered.</summary>
    public virtual bool Ordered => true;

    public abstract void Accept(long firstIndex, ChunkOutput output);

    /// <summary>
    /// False while the sink holds as many released chunks as its consumer may fall behind by: the
    /// router then dispatches nothing more until <see cref="RoomMade"/> is raised. Thread-safe.
    /// </summary>
    public virtual bool HasRoom => true;

    /// <summary>The router has a chunk's result, on its way to the aggregator (each chunk once).</summary>
    public virtual void Arrived()
    {
    }

    /// <summary>Raised (on the consumer's thread) when <see cref="HasRoom"/> turns true again; set once by the router.</summary>
    public Action? RoomMade { get; set; }

    /// <summary>Where a local worker may write this range directly; null when the sink needs the values itself.</summary>
    public virtual ChunkDestination? DestinationFor(long firstIndex) => null;

    public void Complete()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            OnComplete();
        }
    }

    /// <summary>Ends the job with an error; thread-safe, since cancellation calls it from outside.</summary>
    public void Fail(Exception error)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            OnFail(error);
        }
    }

    public void Cancel(CancellationToken token) => Fail(new OperationCanceledException("The job was cancelled", token));

    protected abstract void OnComplete();

    protected abstract void OnFail(Exception error);
}
