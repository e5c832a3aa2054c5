using ActorMap.Compute.Jobs;
using ActorMap.Runtime.Actor;

namespace ActorMap.Compute.Actors;

/// <summary>
/// Applies the function to a chunk, element by element. A throwing element is reported to the
/// router (which decides on a retry) and then rethrown, so the supervisor's directive decides
/// what becomes of this worker.
/// </summary>
internal sealed class Worker : ReceiveActor
{
    public Worker() =>
        Receive<RunChunk>(run =>
        {
            if (run.Cancellation.IsCancellationRequested)
            {
                return;
            }
            ChunkOutput output;
            try
            {
                output = run.Function.Apply(run.FirstIndex, run.Input, run.Destination, run.Cancellation);
            }
            catch (ElementFailedException failure)
            {
                Sender.Tell(new ChunkFailed(run.JobId, run.ChunkIndex, ElementFailure.From(failure, Self, Context.System)), Self);
                throw;
            }
            catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
            {
                return;
            }
            run.Aggregator.Tell(new ChunkResult(run.JobId, run.ChunkIndex, run.FirstIndex, output), Self);
            Sender.Tell(new ChunkCompleted(run.JobId, run.ChunkIndex), Self);
        });
}
