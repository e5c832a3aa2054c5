using ActorMap.Compute.Jobs;
using ActorMap.Runtime.Actor;

namespace ActorMap.Compute.Actors;

/// <summary>Router to worker: map this chunk and send the result to the aggregator.</summary>
internal sealed record RunChunk(
    long JobId, int ChunkIndex, long FirstIndex, ChunkInput Input, IMapFunction Function,
    IActorRef Aggregator, CancellationToken Cancellation, ChunkDestination? Destination = null);

/// <summary>Worker to aggregator.</summary>
internal sealed record ChunkResult(long JobId, int ChunkIndex, long FirstIndex, ChunkOutput Output);

/// <summary>Worker to router: the chunk is done, so the worker has room for another (the pull request).</summary>
internal sealed record ChunkCompleted(long JobId, int ChunkIndex);

/// <summary>Worker to router, just before it throws to its supervisor.</summary>
internal sealed record ChunkFailed(long JobId, int ChunkIndex, ElementFailure Failure);

/// <summary>What the caller learns of a failing element.</summary>
internal sealed record ElementFailure(long ElementIndex, string ErrorType, string ErrorMessage, string StackTrace, string Worker)
{
    public static ElementFailure From(ElementFailedException failure, IActorRef worker, ActorSystem system)
    {
        var cause = failure.InnerException!;
        // With the node's network address, so the caller learns where the element failed.
        var path = worker.Path.Address.HasLocalScope ? worker.Path.WithAddress(system.DefaultAddress) : worker.Path;
        return new ElementFailure(failure.ElementIndex, cause.GetType().FullName ?? cause.GetType().Name, cause.Message,
            cause.StackTrace ?? "", path.ToString());
    }

    public MapJobException ToException(int attempts) =>
        new(ElementIndex, ErrorType, ErrorMessage, StackTrace, Worker, attempts);
}

/// <summary>To the coordinator: every chunk was released.</summary>
internal sealed class JobSucceeded
{
    public static readonly JobSucceeded Instance = new();
}

/// <summary>To the coordinator: end the job with this error.</summary>
internal sealed record JobFailed(Exception Error);

/// <summary>To the coordinator: the caller cancelled.</summary>
internal sealed class CancelJob
{
    public static readonly CancelJob Instance = new();
}
