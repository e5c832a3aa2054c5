using ActorMap.Compute.Jobs;
using Akka.Actor;

namespace ActorMap.Compute.Actors;

/// <summary>
/// Receives chunk results in any order, drops duplicates, and releases them to the sink in input
/// order as soon as a prefix is complete (or at once for an unordered sink).
/// </summary>
internal sealed class Aggregator : ReceiveActor
{
    private readonly JobSpec _job;
    private readonly ChunkResult?[] _waiting;
    private readonly bool[] _seen;
    private int _nextToRelease;
    private int _released;
    private long _elementsReleased;

    public Aggregator(JobSpec job)
    {
        _job = job;
        _waiting = new ChunkResult?[job.Plan.ChunkCount];
        _seen = new bool[job.Plan.ChunkCount];
        Receive<ChunkResult>(OnResult);
    }

    private void OnResult(ChunkResult result)
    {
        if (result.JobId != _job.JobId || result.ChunkIndex < 0 || result.ChunkIndex >= _seen.Length || _seen[result.ChunkIndex])
        {
            // A retried chunk can finish twice; each element's result must appear exactly once.
            return;
        }
        _seen[result.ChunkIndex] = true;
        if (_job.Sink.Ordered)
        {
            _waiting[result.ChunkIndex] = result;
            while (_nextToRelease < _waiting.Length && _waiting[_nextToRelease] is { } next)
            {
                _waiting[_nextToRelease++] = null;
                Release(next);
            }
        }
        else
        {
            Release(result);
        }
        if (_released == _seen.Length)
        {
            Context.Parent.Tell(JobSucceeded.Instance, Self);
        }
    }

    private void Release(ChunkResult result)
    {
        try
        {
            _job.Sink.Accept(result.FirstIndex, result.Output);
        }
        catch (ReduceFailedException e)
        {
            Context.Parent.Tell(new JobFailed(new MapJobException(e.ElementIndex, e.InnerException!.GetType().FullName!,
                e.InnerException.Message, e.InnerException.StackTrace ?? "", Self.Path.ToString(), 1)), Self);
            return;
        }
        _released++;
        _elementsReleased += result.Output.Count;
        _job.Options.Progress?.Report(new MapProgress(_elementsReleased, _job.Plan.Length, _released, _seen.Length));
    }
}
