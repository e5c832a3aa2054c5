using ActorMap.Compute.Jobs;
using Akka.Actor;

namespace ActorMap.Compute.Actors;

/// <summary>
/// Applies the function to a chunk, element by element, and sends the result back to the router.
/// A throwing element is reported to the router (which decides on a retry) with the directive
/// the job's policy gives its exception type, and then rethrown, so the supervisor applies that
/// directive to this worker.
/// </summary>
internal sealed class Worker : ReceiveActor
{
    private static readonly SupervisionPolicy s_default = new();

    /// <param name="forWire">
    /// Turns a result into the form it crosses the network in, throwing when it cannot (a type
    /// with no wire form, more than a frame). Applied here, before sending, because remoting
    /// drops a message it cannot serialize without a word: the chunk must fail instead.
    /// </param>
    public Worker(Func<ChunkResult, ChunkResult>? forWire = null) =>
        Receive<RunChunk>(run =>
        {
            if (run.Cancellation.IsCancellationRequested)
            {
                return;
            }
            if (!Sender.Path.Address.HasLocalScope)
            {
                // The router blames a node's death only on the chunk it was executing, so it
                // must know which one that is; a local router loses its workers only with itself.
                Sender.Tell(new ChunkStarted(run.JobId, run.ChunkIndex), Self);
            }
            ChunkOutput output;
            try
            {
                output = run.Function.Apply(run.FirstIndex, run.Input, run.Destination, run.Cancellation);
            }
            catch (ElementFailedException failure)
            {
                // Decided here, where the exception's real type is known: the router may be on a
                // node where that type does not even exist.
                failure.Directive = (run.Supervision ?? s_default).Decide(failure.InnerException!);
                Sender.Tell(new ChunkFailed(run.JobId, run.ChunkIndex, ElementFailure.From(failure, Self, Context.System), failure.Directive.Value), Self);
                throw;
            }
            catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
            {
                return;
            }
            var result = new ChunkResult(run.JobId, run.ChunkIndex, run.FirstIndex, output);
            if (forWire is not null && !Sender.Path.Address.HasLocalScope)
            {
                try
                {
                    result = forWire(result);
                }
                catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException or System.Text.Json.JsonException)
                {
                    var cause = new InvalidOperationException($"the result of chunk {run.ChunkIndex} (elements from {run.FirstIndex}) cannot be sent back: {e.Message}", e);
                    Sender.Tell(new ChunkFailed(run.JobId, run.ChunkIndex, ElementFailure.From(run.FirstIndex, cause, Self, Context.System),
                        (run.Supervision ?? s_default).Decide(cause)), Self);
                    return;
                }
            }
            Sender.Tell(result, Self);
        });
}
