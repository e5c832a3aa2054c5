using ActorMap.Compute.Workers;
using ActorMap.Compute.Telemetry;
using Akka.Actor;

namespace ActorMap.Compute.Actors;

/// <summary>
/// What the router does when nodes fail it: it drops late results, blames a chunk only for the
/// deaths of nodes that were executing it, and ends a cluster job that has had no workers for
/// too long, naming what was lost.
/// </summary>
internal sealed partial class ChunkRouter
{
    // The node that last held each chunk it had to take back: what the no-workers error names.
    private readonly Dictionary<int, Address> _lostWith = [];

    // The distinct nodes that died while executing a chunk.
    private readonly Dictionary<int, HashSet<Address>> _blame = [];

    private void OnStarted(ChunkStarted started)
    {
        if (started.JobId == _job.JobId && SlotOf(Sender) is { } slot && slot.Outstanding.Contains(started.ChunkIndex))
        {
            slot.Running = started.ChunkIndex;
            _recorder?.Started(started.ChunkIndex);
        }
    }

    private void DropLate(ChunkResult result)
    {
        if (result.JobId == _job.JobId)
        {
            _recorder?.LateResultDropped();
        }
        if (ActorMapTelemetry.LateResultsDropped.Enabled)
        {
            var address = Sender.Path.Address;
            ActorMapTelemetry.LateResultsDropped.Add(1, new KeyValuePair<string, object?>(ActorMapTelemetry.NodeTag,
                address.HasLocalScope ? _localNode : ActorMapTelemetry.NodeName(address)));
        }
        if (_job.WorkerDirectory is not null)
        {
            Context.System.EventStream.Publish(new LateResultDropped(Sender.Path.Address, result.JobId));
        }
    }

    /// <summary>
    /// Records that <paramref name="node"/> died while executing <paramref name="chunk"/>; true
    /// when that makes it a poison chunk and the job has failed. Queued chunks are never blamed:
    /// a node that dies with ten chunks in its mailbox blames only the one it was running.
    /// </summary>
    private bool Blame(int chunk, Address node)
    {
        if (!_blame.TryGetValue(chunk, out var nodes))
        {
            _blame[chunk] = nodes = [];
        }
        nodes.Add(node);
        if (nodes.Count < _job.Options.PoisonChunkNodes)
        {
            return false;
        }
        var first = _job.Plan.FirstIndex(chunk);
        var last = first + _job.Plan.CountOf(chunk) - 1;
        Fail(new MapJobException(
            $"Job {_job.JobId} failed: chunk {chunk} (elements {first} to {last}) is a poison chunk: " +
            $"it was executing on {nodes.Count} nodes that each died ({string.Join(", ", nodes)})"));
        return true;
    }

    private void ArmNoWorkersTimeout()
    {
        if (_job.WorkerDirectory is not null && !_failed && !Timers.IsTimerActive(NoWorkersTimeout.Instance))
        {
            Timers.StartSingleTimer(NoWorkersTimeout.Instance, NoWorkersTimeout.Instance, _job.Options.NoWorkersTimeout);
        }
    }

    private void OnNoWorkersTimeout()
    {
        if (_workers.Count > 0 || _failed)
        {
            return;
        }
        var lost = _lostWith.Where(pair => !_done[pair.Key]).OrderBy(pair => pair.Key).ToList();
        var notDone = _done.Count(done => !done);
        var chunks = lost.Count == 0 ? "" : $"; lost chunks {Shortened(lost.Select(pair => pair.Key))}";
        var nodes = lost.Count == 0 ? "" : $" with {string.Join(", ", lost.Select(pair => pair.Value).Distinct())}";
        Fail(new MapJobException(
            $"Job {_job.JobId} failed: it has had no workers for {_job.Options.NoWorkersTimeout.TotalSeconds:0.#} s " +
            $"(actormap.compute.no-workers-timeout), with {notDone} of {_done.Length} chunks not done{chunks}{nodes}"));
    }

    private static string Shortened(IEnumerable<int> chunks)
    {
        var list = chunks.ToList();
        return list.Count <= 10 ? string.Join(", ", list) : string.Join(", ", list.Take(10)) + $" and {list.Count - 10} more";
    }

    private sealed class NoWorkersTimeout
    {
        public static readonly NoWorkersTimeout Instance = new();
    }
}
