namespace ActorMap.Compute.Telemetry;

/// <summary>How one execution attempt of a chunk ended.</summary>
public enum ChunkOutcome
{
    Done,
    Failed,

    /// <summary>Taken back from a worker that was lost, and run elsewhere.</summary>
    Redispatched,
}

/// <summary>
/// One execution attempt of a chunk. <see cref="Start"/> is relative to the job's start (the
/// worker's clock, which on another machine may differ a little); <see cref="Node"/> is the node's
/// address as "host:port" ("local" in an embedded pool); <see cref="Worker"/> the worker actor's name.
/// </summary>
public sealed record ChunkSpan(int Chunk, long FirstElement, int Elements, string Node, string Worker,
                               TimeSpan Start, TimeSpan Duration, ChunkOutcome Outcome);

/// <summary>A job's counts at one moment.</summary>
/// <param name="ChunksQueued">Not done and not with a worker: not yet dispatched, or waiting for a retry.</param>
/// <param name="Retries">Failed attempts that were queued to run again.</param>
/// <param name="Redispatched">Chunks taken back from lost workers.</param>
public readonly record struct JobCounters(int ChunksQueued, int ChunksInFlight, int ChunksDone, int Retries,
                                          int Redispatched, long LateResultsDropped, long ElementsDone);

/// <summary>Why a job failed: the failing element (-1 when no element is to blame), its exception, and where it ran.</summary>
public sealed record JobFailureView(long ElementIndex, string ErrorType, string Message, string Worker, string StackTrace)
{
    internal static JobFailureView From(Exception error) => error is MapJobException e
        ? new JobFailureView(e.ElementIndex, e.ErrorType, e.ElementIndex >= 0 ? e.ErrorMessage : e.Message, e.Worker, e.WorkerStackTrace)
        : new JobFailureView(-1, error.GetType().FullName ?? error.GetType().Name, error.Message, "", "");
}
