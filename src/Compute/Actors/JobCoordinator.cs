using ActorMap.Compute.Jobs;
using ActorMap.Compute.Telemetry;
using Akka.Actor;
using Akka.Event;

namespace ActorMap.Compute.Actors;

//   job-N ─┬─ aggregator
//          └─ router ─┬─ worker-1
//                     └─ worker-…
/// <summary>
/// One per job: starts the aggregator and router, ends the sink exactly once (success, failure
/// or cancellation) and then stops, which stops every actor of the job.
/// </summary>
internal sealed class JobCoordinator : ReceiveActor
{
    private readonly JobSpec _job;
    private readonly IReadOnlyList<IActorRef>? _workers;
    private CancellationTokenRegistration _cancellation;
    private bool _ended;

    public JobCoordinator(JobSpec job, IReadOnlyList<IActorRef>? workers)
    {
        _job = job;
        _workers = workers;
        Receive<JobSucceeded>(_ => End(JobEnd.Succeeded, null, () => _job.Sink.Complete()));
        Receive<JobFailed>(failed => End(JobEnd.Failed, failed.Error, () => _job.Sink.Fail(failed.Error)));
        Receive<CancelJob>(_ => End(JobEnd.Cancelled, null, () => _job.Sink.Cancel(_job.Cancellation.Token)));
    }

    public static Props PropsFor(JobSpec job, IReadOnlyList<IActorRef>? workers = null) =>
        Props.Create(() => new JobCoordinator(job, workers));

    protected override void PreStart()
    {
        if (_job.Plan.ChunkCount == 0)
        {
            End(JobEnd.Succeeded, null, () => _job.Sink.Complete());
            return;
        }
        var aggregator = Context.ActorOf(Props.Create(() => new Aggregator(_job)), "aggregator");
        Context.ActorOf(ChunkRouter.PropsFor(_job, aggregator, _workers), "router");
        var self = Self;
        _cancellation = _job.Cancellation.Token.Register(() => self.Tell(CancelJob.Instance, ActorRefs.NoSender));
    }

    // A failure of the router (an escalated element failure) or the aggregator ends the job.
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(e =>
        {
            var error = e is ElementFailedException element
                ? new MapJobException(element.ElementIndex, element.InnerException!.GetType().FullName!,
                    element.InnerException.Message, element.InnerException.StackTrace ?? "", "escalated", 1)
                : new MapJobException($"Job {_job.JobId} failed: {e.GetType().FullName}: {e.Message}");
            End(JobEnd.Failed, error, () => _job.Sink.Fail(error));
            return Directive.Stop;
        });

    private void End(string outcome, Exception? error, Action endSink)
    {
        if (!_ended)
        {
            _ended = true;
            // Before the sink: the caller's awaited call returns with the report already written.
            JobEnd.Record(_job, outcome, error, Context.GetLogger());
        }
        endSink();
        Context.Stop(Self);
    }

    protected override void PostStop()
    {
        _cancellation.Dispose();
        // Tells running workers to abandon their chunks; a no-op for the sink if it already ended.
        var stopped = new MapJobException($"Job {_job.JobId} was stopped before it finished");
        if (!_ended)
        {
            _ended = true;
            JobEnd.Record(_job, JobEnd.Failed, stopped, Context.GetLogger());
        }
        _job.Sink.Fail(stopped);
        _job.Cancellation.Cancel();
        _job.Cancellation.Dispose();
    }
}
