using ActorMap.Compute.Jobs;
using Akka.Actor;

namespace ActorMap.Compute.Actors;

/// <summary>
/// Router to worker: map this chunk and send the result back to the router. The job's
/// supervision policy travels with it, because a node's workers serve many jobs.
/// <see cref="TraceParent"/> is the job's span as a W3C traceparent, set only while someone
/// listens to ActorMap's ActivitySource: the chunk's span on the worker is its child.
/// </summary>
internal sealed record RunChunk(
    long JobId, int ChunkIndex, long FirstIndex, ChunkInput Input, IMapFunction Function,
    CancellationToken Cancellation, ChunkDestination? Destination = null, SupervisionPolicy? Supervision = null,
    string? TraceParent = null);

/// <summary>
/// Router to the parent of its workers on another node, when the job ends: abandon the job's
/// running chunks. A busy worker cannot read its own mailbox, so its parent cancels the token
/// the node's chunks of that job run with.
/// </summary>
internal sealed record CancelChunks(long JobId);

/// <summary>
/// Worker to router, which hands it to the aggregator. One message is both the result and the
/// "done": a chunk counts as done only once its result has arrived, so a result lost on the way
/// cannot leave the job waiting for a completion that was delivered without it. The worker says
/// when it started the chunk (UTC, its clock) and how long it ran, for the job's task stream.
/// </summary>
internal sealed record ChunkResult(long JobId, int ChunkIndex, long FirstIndex, ChunkOutput Output,
    DateTime StartedUtc = default, TimeSpan Duration = default);

/// <summary>
/// Worker on another node to router: this chunk is executing now, not merely queued. Only a chunk
/// that was executing when its node died can be blamed for the death (see poison chunks).
/// </summary>
internal sealed record ChunkStarted(long JobId, int ChunkIndex);

/// <summary>
/// Worker to router, just before it throws to its supervisor, with the directive the job's policy
/// chose for the exception's type: the worker's supervisor applies restart or resume, the router
/// stop and escalate, to the job alone.
/// </summary>
internal sealed record ChunkFailed(long JobId, int ChunkIndex, ElementFailure Failure, Directive Directive = Directive.Restart,
    DateTime StartedUtc = default, TimeSpan Duration = default);

/// <summary>What the caller learns of a failing element.</summary>
internal sealed record ElementFailure(long ElementIndex, string ErrorType, string ErrorMessage, string StackTrace, string Worker)
{
    public static ElementFailure From(ElementFailedException failure, IActorRef worker, ActorSystem system) =>
        From(failure.ElementIndex, failure.InnerException!, worker, system);

    public static ElementFailure From(long elementIndex, Exception cause, IActorRef worker, ActorSystem system) =>
        new(elementIndex, cause.GetType().FullName ?? cause.GetType().Name, cause.Message, cause.StackTrace ?? "", NodePath(worker, system));

    /// <summary>With the node's network address, so the caller learns where the element failed.</summary>
    public static string NodePath(IActorRef actor, ActorSystem system) =>
        actor.Path.ToStringWithAddress(((ExtendedActorSystem)system).Provider.DefaultAddress);

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
