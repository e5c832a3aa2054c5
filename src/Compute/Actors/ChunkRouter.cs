using ActorMap.Compute.Jobs;
using ActorMap.Compute.Telemetry;
using ActorMap.Compute.Workers;
using Akka.Actor;
using Akka.Routing;

namespace ActorMap.Compute.Actors;

/// <summary>
/// Cuts the input into chunks lazily and hands them to workers, at most
/// <c>MaxChunksInFlightPerWorker</c> outstanding per worker. Round-robin gives chunk n to the
/// next worker in turn and waits for that worker if it is full; pull gives it to whichever
/// worker has room. Failed chunks are retried up to <c>RetriesPerChunk</c> times; the chunks of
/// a worker that stops go to the others.
/// </summary>
internal sealed partial class ChunkRouter : ReceiveActor, IWithTimers
{
    private readonly JobSpec _job;
    private readonly IActorRef _aggregator;
    private readonly IReadOnlyList<IActorRef>? _givenWorkers;
    private readonly List<WorkerSlot> _workers = [];
    private readonly Queue<int> _retries = new();
    private readonly ChunkRetries _failures = new();
    private readonly HashSet<ActorPath> _remoteParents = [];
    private readonly HashSet<IActorRef> _stopped = [];
    private readonly bool[] _done;
    private readonly JobRecorder? _recorder;
    private int _nextFresh;
    private int _cursor;
    private bool _failed;
    // Set only while someone listens: the job's span, for each chunk's span on its worker.
    private string? _traceParent;
    private string _localNode = "local";

    public ChunkRouter(JobSpec job, IActorRef aggregator, IReadOnlyList<IActorRef>? workers)
    {
        _job = job;
        _aggregator = aggregator;
        _givenWorkers = workers;
        _done = new bool[job.Plan.ChunkCount];
        _recorder = job.Recorder;
        Receive<ChunkResult>(OnResult);
        Receive<ChunkStarted>(OnStarted);
        Receive<NoWorkersTimeout>(_ => OnNoWorkersTimeout());
        Receive<Routees>(OnLocalWorkers);
        Receive<ChunkFailed>(OnFailed);
        Receive<Terminated>(OnWorkerTerminated);
        Receive<WorkersChanged>(OnWorkersChanged);
        Receive<RoomMade>(_ => Dispatch());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Workers are created as this router's children unless given (tests, cluster routees).</summary>
    public static Props PropsFor(JobSpec job, IActorRef aggregator, IReadOnlyList<IActorRef>? workers = null) =>
        Props.Create(() => new ChunkRouter(job, aggregator, workers));

    protected override void PreStart()
    {
        var self = Self;
        _localNode = ActorMapTelemetry.NodeName(((ExtendedActorSystem)Context.System).Provider.DefaultAddress);
        _traceParent = ActorMapTelemetry.TraceParentOf(_job.Activity);
        _job.Sink.RoomMade = () => self.Tell(RoomMade.Instance, ActorRefs.NoSender);
        if (_job.WorkerDirectory is { } directory)
        {
            // Cluster job: the workers are other nodes' actors, announced (and withdrawn) by the directory.
            directory.Tell(new SubscribeWorkers(Self), Self);
        }
        else if (_givenWorkers is null)
        {
            // Akka's pool creates and supervises the workers; the router then hands chunks to its
            // routees itself, because only it knows which routee holds which chunk, and a lost
            // worker's chunks must go to the others.
            var pool = new RoundRobinPool(_job.Workers).WithSupervisorStrategy(WorkerStrategy(_job.Options.Supervision));
            var props = Props.Create(() => new Worker(null)).WithRouter(pool);
            Context.ActorOf(_job.WorkerDispatcher is { } dispatcher ? props.WithDispatcher(dispatcher) : props, "workers")
                .Tell(GetRoutees.Instance, Self);
        }
        else
        {
            foreach (var worker in _givenWorkers)
            {
                AddSlot(worker);
            }
        }
        Dispatch();
    }

    protected override void PostStop()
    {
        _job.WorkerDirectory?.Tell(new UnsubscribeWorkers(Self), Self);
        // Chunks still running on other nodes would run on for nobody.
        foreach (var parent in _remoteParents)
        {
            Context.ActorSelection(parent).Tell(new CancelChunks(_job.JobId), ActorRefs.NoSender);
        }
    }

    /// <summary>
    /// What a worker's exception does to it: the directive the worker took from the job's policy
    /// for the exception's type. Retries are counted per chunk by the router, not per worker here.
    /// Failures are reported to the caller with the chunk's error, so logging each one again would
    /// only repeat it.
    /// </summary>
    internal static SupervisorStrategy WorkerStrategy(SupervisionPolicy policy) =>
        new OneForOneStrategy(maxNrOfRetries: -1, withinTimeMilliseconds: -1,
            e => e is ElementFailedException failure ? failure.Directive ?? policy.Decide(failure.InnerException!) : Directive.Restart,
            loggingEnabled: false);

    private void OnLocalWorkers(Routees routees)
    {
        foreach (var routee in routees.Members.OfType<ActorRefRoutee>())
        {
            AddSlot(routee.Actor);
        }
        Dispatch();
    }

    private void OnWorkersChanged(WorkersChanged change)
    {
        foreach (var worker in change.Removed)
        {
            if (SlotOf(worker) is { } slot)
            {
                Context.Unwatch(worker);
                Withdraw(slot, change.Died);
            }
        }
        foreach (var worker in change.Added)
        {
            if (SlotOf(worker) is null && !_stopped.Contains(worker))
            {
                AddSlot(worker);
            }
        }
        if (_workers.Count > 0)
        {
            Timers.Cancel(NoWorkersTimeout.Instance);
        }
        else
        {
            ArmNoWorkersTimeout();
        }
        Dispatch();
    }

    // An escalated element failure of a local worker reaches here through its pool: on to the job.
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(-1, Timeout.InfiniteTimeSpan,
            e => e is ElementFailedException failure ? failure.Directive ?? _job.Options.Supervision.Decide(failure.InnerException!) : Directive.Restart);

    private void OnResult(ChunkResult result)
    {
        var slot = SlotOf(Sender);
        if (slot is null || result.JobId != _job.JobId || !slot.Outstanding.Remove(result.ChunkIndex) || _done[result.ChunkIndex])
        {
            // From a worker that no longer holds this chunk: withdrawn as lost (its chunks run
            // elsewhere), or a stray. Counting such a result could deliver an element twice, or
            // race the re-dispatched copy, so only the holder's result counts.
            DropLate(result);
            Dispatch();
            return;
        }
        slot.Finished(result.ChunkIndex);
        _done[result.ChunkIndex] = true;
        var elements = _job.Plan.CountOf(result.ChunkIndex);
        _recorder?.Finished(result.ChunkIndex, result.FirstIndex, elements, slot.Node, slot.Name, result.StartedUtc, result.Duration, done: true);
        ActorMapTelemetry.ChunksCompleted.Add(1, slot.NodeTag);
        ActorMapTelemetry.ElementsProcessed.Add(elements, slot.NodeTag);
        _job.Sink.Arrived();
        _aggregator.Tell(result, Self);
        if (_job.WorkerDirectory is not null)
        {
            // For the cluster's status table: which node did the work.
            var node = Sender.Path.Address;
            Context.System.EventStream.Publish(new ChunkDoneBy(node.HasLocalScope ? ((ExtendedActorSystem)Context.System).Provider.DefaultAddress : node));
        }
        Dispatch();
    }

    private void OnFailed(ChunkFailed failed)
    {
        var slot = SlotOf(Sender);
        if (slot is null || !slot.Outstanding.Remove(failed.ChunkIndex))
        {
            // A withdrawn worker's failure: the chunk already runs elsewhere, and blaming it twice
            // would spend its retries on one attempt.
            return;
        }
        slot.Finished(failed.ChunkIndex);
        _recorder?.Finished(failed.ChunkIndex, _job.Plan.FirstIndex(failed.ChunkIndex), _job.Plan.CountOf(failed.ChunkIndex),
            slot.Node, slot.Name, failed.StartedUtc, failed.Duration, done: false);
        ActorMapTelemetry.ChunksFailed.Add(1, slot.NodeTag);
        // Akka's maxNrOfRetries within withinTimeRange, per chunk, on the monotonic clock Akka's
        // own restart counting reads (a wall clock that jumps would open or close windows).
        var decision = _failures.Failed(failed.ChunkIndex, Context.System.Scheduler.MonotonicClock,
            _job.Options.RetriesPerChunk, _job.Options.RetryWindow);
        // The directive the worker took from the job's policy for this exception's type, whoever
        // supervises the worker: a node's workers serve many jobs, so their supervisor only
        // restarts or resumes them, and the job applies stop and escalate to itself alone.
        if (!decision.Retry || failed.Directive == Directive.Escalate)
        {
            Fail(failed.Failure.ToException(decision.Attempts));
            return;
        }
        if (failed.Directive == Directive.Stop && slot is not null)
        {
            Context.Unwatch(slot.Worker);
            Withdraw(slot, died: false);
            _stopped.Add(slot.Worker);
            // Even a cluster job ends here: the workers it has were all stopped by its own directive.
            if (_workers.Count == 0)
            {
                Fail(new MapJobException($"Job {_job.JobId} has no workers left: every worker was stopped by the 'Stop' directive (last for {failed.Failure.ErrorType})"));
                return;
            }
        }
        _retries.Enqueue(failed.ChunkIndex);
        _recorder?.Retrying();
        Dispatch();
    }

    private void OnWorkerTerminated(Terminated terminated)
    {
        var slot = SlotOf(terminated.ActorRef);
        if (slot is null)
        {
            return;
        }
        Withdraw(slot, terminated.AddressTerminated);
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
    /// mailbox is gone, or its node is. A late result from it is dropped (see <see cref="OnResult"/>).
    /// </summary>
    private void Withdraw(WorkerSlot slot, bool died)
    {
        _workers.Remove(slot);
        if (died && slot.Running is { } running && !_done[running] && Blame(running, slot.Worker.Path.Address))
        {
            return;
        }
        var requeued = 0;
        foreach (var chunk in slot.Outstanding.Order())
        {
            _retries.Enqueue(chunk);
            _lostWith[chunk] = slot.Worker.Path.Address;
            requeued++;
            _recorder?.Redispatched(chunk, _job.Plan.FirstIndex(chunk), _job.Plan.CountOf(chunk), slot.Node, slot.Name);
            ActorMapTelemetry.ChunksRedispatched.Add(1, slot.NodeTag);
        }
        if (requeued > 0 && _job.WorkerDirectory is not null)
        {
            Context.System.EventStream.Publish(new ChunksRedispatched(slot.Worker.Path.Address, _job.JobId, requeued));
        }
        if (_workers.Count > 0)
        {
            _cursor %= _workers.Count;
        }
        else
        {
            ArmNoWorkersTimeout();
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
            // A lost worker's chunk may have finished after all: no need to run it again.
            if (_retries.Count > 0 && _done[_retries.Peek()])
            {
                _retries.Dequeue();
                continue;
            }
            // Retries always go: the sink waits for them to complete a prefix.
            if (_retries.Count == 0 && !_job.Sink.HasRoom)
            {
                return;
            }
            var slot = _job.Options.Balancing == Balancing.Pull ? LeastLoaded() : NextInTurn();
            if (slot is null)
            {
                return;
            }
            var chunk = _retries.Count > 0 ? _retries.Dequeue() : _nextFresh++;
            slot.Outstanding.Add(chunk);
            _recorder?.Dispatched(chunk);
            var first = _job.Plan.FirstIndex(chunk);
            // Only a worker in this process can write into the caller's array.
            var destination = slot.Worker.Path.Address.HasLocalScope ? _job.Sink.DestinationFor(first) : null;
            slot.Worker.Tell(new RunChunk(_job.JobId, chunk, first, _job.Input.Slice(first, _job.Plan.CountOf(chunk)),
                _job.Function, _job.Cancellation.Token, destination, _job.Options.Supervision, _traceParent), Self);
            if (!slot.Worker.Path.Address.HasLocalScope)
            {
                _remoteParents.Add(slot.Worker.Path.Parent);
            }
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

    private void AddSlot(IActorRef worker)
    {
        var address = worker.Path.Address;
        var slot = new WorkerSlot(Context.Watch(worker), address.HasLocalScope ? _localNode : ActorMapTelemetry.NodeName(address));
        _workers.Add(slot);
        _recorder?.WorkerAdded(slot.Node, slot.Name);
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

    private sealed class RoomMade
    {
        public static readonly RoomMade Instance = new();
    }

    private sealed class WorkerSlot(IActorRef worker, string node)
    {
        public IActorRef Worker { get; } = worker;

        /// <summary>"host:port" of the worker's node, and the tag the instruments carry: made once per worker, not per chunk.</summary>
        public string Node { get; } = node;

        public KeyValuePair<string, object?> NodeTag { get; } = new(ActorMapTelemetry.NodeTag, node);

        public string Name { get; } = worker.Path.Name;

        public HashSet<int> Outstanding { get; } = [];

        /// <summary>The chunk the worker said it is executing (workers on other nodes say so).</summary>
        public int? Running { get; set; }

        public void Finished(int chunk)
        {
            if (Running == chunk)
            {
                Running = null;
            }
        }
    }
}
