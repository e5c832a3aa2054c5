using ActorMap.Compute.Jobs;
using ActorMap.Compute.Workers;
using ActorMap.Runtime.Actor;
using ActorMap.Runtime.Supervision;

namespace ActorMap.Compute.Actors;

/// <summary>
/// Cuts the input into chunks lazily and hands them to workers, at most
/// <c>MaxChunksInFlightPerWorker</c> outstanding per worker. Round-robin gives chunk n to the
/// next worker in turn and waits for that worker if it is full; pull gives it to whichever
/// worker has room. Failed chunks are retried up to <c>RetriesPerChunk</c> times; the chunks of
/// a worker that stops go to the others.
/// </summary>
internal sealed class ChunkRouter : ReceiveActor
{
    private readonly JobSpec _job;
    private readonly IActorRef _aggregator;
    private readonly IReadOnlyList<IActorRef>? _givenWorkers;
    private readonly List<WorkerSlot> _workers = [];
    private readonly Queue<int> _retries = new();
    private readonly Dictionary<int, int> _failures = [];
    private int _nextFresh;
    private int _cursor;
    private bool _failed;

    public ChunkRouter(JobSpec job, IActorRef aggregator, IReadOnlyList<IActorRef>? workers)
    {
        _job = job;
        _aggregator = aggregator;
        _givenWorkers = workers;
        Receive<ChunkCompleted>(OnCompleted);
        Receive<ChunkFailed>(OnFailed);
        Receive<Terminated>(OnWorkerTerminated);
        Receive<WorkersChanged>(OnWorkersChanged);
    }

    /// <summary>Workers are created as this router's children unless given (tests, cluster routees).</summary>
    public static Props PropsFor(JobSpec job, IActorRef aggregator, IReadOnlyList<IActorRef>? workers = null) =>
        Props.Create(() => new ChunkRouter(job, aggregator, workers));

    protected override void PreStart()
    {
        if (_job.WorkerDirectory is { } directory)
        {
            // Cluster job: the workers are other nodes' actors, announced (and withdrawn) by the directory.
            directory.Tell(new SubscribeWorkers(Self), Self);
        }
        else if (_givenWorkers is null)
        {
            for (var i = 1; i <= _job.Workers; i++)
            {
                _workers.Add(new WorkerSlot(Context.Watch(Context.ActorOf(Props.Create<Worker>(), $"worker-{i}"))));
            }
        }
        else
        {
            foreach (var worker in _givenWorkers)
            {
                _workers.Add(new WorkerSlot(Context.Watch(worker)));
            }
        }
        Dispatch();
    }

    protected override void PostStop() => _job.WorkerDirectory?.Tell(new UnsubscribeWorkers(Self), Self);

    private void OnWorkersChanged(WorkersChanged change)
    {
        foreach (var worker in change.Removed)
        {
            if (SlotOf(worker) is { } slot)
            {
                Context.Unwatch(worker);
                Withdraw(slot);
            }
        }
        foreach (var worker in change.Added)
        {
            if (SlotOf(worker) is null)
            {
                _workers.Add(new WorkerSlot(Context.Watch(worker)));
            }
        }
        Dispatch();
    }

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(-1, Timeout.InfiniteTimeSpan,
            e => e is ElementFailedException ? _job.Options.Supervision : Directive.Restart);

    private void OnCompleted(ChunkCompleted completed)
    {
        SlotOf(Sender)?.Outstanding.Remove(completed.ChunkIndex);
        if (_job.WorkerDirectory is not null)
        {
            // For the cluster's status table: which node did the work.
            var node = Sender.Path.Address;
            Context.System.EventStream.Publish(new ChunkDoneBy(node.HasLocalScope ? Context.System.DefaultAddress : node));
        }
        Dispatch();
    }

    private void OnFailed(ChunkFailed failed)
    {
        SlotOf(Sender)?.Outstanding.Remove(failed.ChunkIndex);
        var attempts = _failures.TryGetValue(failed.ChunkIndex, out var before) ? before + 1 : 1;
        _failures[failed.ChunkIndex] = attempts;
        if (attempts > _job.Options.RetriesPerChunk)
        {
            Fail(failed.Failure.ToException(attempts));
            return;
        }
        _retries.Enqueue(failed.ChunkIndex);
        Dispatch();
    }

    private void OnWorkerTerminated(Terminated terminated)
    {
        var slot = SlotOf(terminated.ActorRef);
        if (slot is null)
        {
            return;
        }
        Withdraw(slot);
        // A cluster job waits for workers to join; a local job has lost its own workers for good.
        if (_workers.Count == 0 && _job.WorkerDirectory is null)
        {
            Fail(new MapJobException($"Job {_job.JobId} has no workers left: every worker was stopped by the '{_job.Options.Supervision}' directive"));
            return;
        }
        Dispatch();
    }

    /// <summary>
    /// The worker gets nothing more, and what it held and did not finish runs elsewhere: its
    /// mailbox is gone, or its node is. A late result from it is dropped by the aggregator.
    /// </summary>
    private void Withdraw(WorkerSlot slot)
    {
        _workers.Remove(slot);
        foreach (var chunk in slot.Outstanding.Order())
        {
            _retries.Enqueue(chunk);
        }
        if (_workers.Count > 0)
        {
            _cursor %= _workers.Count;
        }
    }

    private void Fail(MapJobException error)
    {
        _failed = true;
        Context.Parent.Tell(new JobFailed(error), Self);
    }

    private void Dispatch()
    {
        while (!_failed && (_retries.Count > 0 || _nextFresh < _job.Plan.ChunkCount))
        {
            var slot = _job.Options.Balancing == Balancing.Pull ? LeastLoaded() : NextInTurn();
            if (slot is null)
            {
                return;
            }
            var chunk = _retries.Count > 0 ? _retries.Dequeue() : _nextFresh++;
            slot.Outstanding.Add(chunk);
            var first = _job.Plan.FirstIndex(chunk);
            // Only a worker in this process can write into the caller's array.
            var destination = slot.Worker.Path.Address.HasLocalScope ? _job.Sink.DestinationFor(first) : null;
            slot.Worker.Tell(new RunChunk(_job.JobId, chunk, first, _job.Input.Slice(first, _job.Plan.CountOf(chunk)),
                _job.Function, _aggregator, _job.Cancellation.Token, destination), Self);
        }
    }

    private WorkerSlot? NextInTurn()
    {
        if (_workers.Count == 0)
        {
            return null;
        }
        var slot = _workers[_cursor % _workers.Count];
        if (slot.Outstanding.Count >= _job.Options.MaxChunksInFlightPerWorker)
        {
            return null;
        }
        _cursor = (_cursor + 1) % _workers.Count;
        return slot;
    }

    private WorkerSlot? LeastLoaded()
    {
        WorkerSlot? best = null;
        foreach (var slot in _workers)
        {
            if (slot.Outstanding.Count < _job.Options.MaxChunksInFlightPerWorker
                && (best is null || slot.Outstanding.Count < best.Outstanding.Count))
            {
                best = slot;
            }
        }
        return best;
    }

    private WorkerSlot? SlotOf(IActorRef worker)
    {
        foreach (var slot in _workers)
        {
            if (slot.Worker.Equals(worker))
            {
                return slot;
            }
        }
        return null;
    }

    private sealed class WorkerSlot(IActorRef worker)
    {
        public IActorRef Worker { get; } = worker;

        public HashSet<int> Outstanding { get; } = [];
    }
}
