using System.Diagnostics;
using ActorMap.Compute.Jobs;
using ActorMap.Compute.Telemetry;
using ActorMap.Compute.Workers;
using Akka.Actor;

namespace ActorMap.Compute.Actors;

/// <summary>
/// Applies the function to a chunk, element by element, and sends the result back to the router.
/// A throwing element is reported to the router (which decides on a retry) with the directive
/// the job's policy gives its exception type, and then rethrown, so the supervisor applies that
/// directive to this worker. The worker times each chunk itself (when it started, on its clock,
/// and how long it ran): the router only sees messages, which may wait in mailboxes.
/// </summary>
internal sealed class Worker : ReceiveActor
{
    private static readonly SupervisionPolicy s_default = new();

    private readonly Func<ChunkResult, ChunkResult>? _forWire;
    private KeyValuePair<string, object?> _nodeTag;
    private BusyWorkers _busy = null!;

    /// <param name="forWire">
    /// Turns a result into the form it crosses the network in, throwing when it cannot (a type
    /// with no wire form, more than a frame). Applied here, before sending, because remoting
    /// drops a message it cannot serialize without a word: the chunk must fail instead.
    /// </param>
    public Worker(Func<ChunkResult, ChunkResult>? forWire = null)
    {
        _forWire = forWire;
        Receive<RunChunk>(Run);
    }

    protected override void PreStart()
    {
        _busy = BusyWorkers.Get(Context.System);
        _nodeTag = new(ActorMapTelemetry.NodeTag, ActorMapTelemetry.NodeName(((ExtendedActorSystem)Context.System).Provider.DefaultAddress));
    }

    private void Run(RunChunk run)
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
        var previous = Activity.Current;
        var activity = ActorMapTelemetry.StartChunk(run.TraceParent, (string)_nodeTag.Value!, run.ChunkIndex, run.Input.Count);
        ActorMapTelemetry.ChunksStarted.Add(1, _nodeTag);
        ActorMapTelemetry.WorkersBusy.Add(1, _nodeTag);
        _busy.Started();
        var startedUtc = DateTime.UtcNow;
        var clock = Stopwatch.GetTimestamp();
        var failed = false;
        ChunkOutput output;
        TimeSpan duration;
        try
        {
            output = run.Function.Apply(run.FirstIndex, run.Input, run.Destination, run.Cancellation);
        }
        catch (ElementFailedException failure)
        {
            failed = true;
            // Decided here, where the exception's real type is known: the router may be on a
            // node where that type does not even exist.
            failure.Directive = (run.Supervision ?? s_default).Decide(failure.InnerException!);
            Sender.Tell(new ChunkFailed(run.JobId, run.ChunkIndex, ElementFailure.From(failure, Self, Context.System), failure.Directive.Value,
                startedUtc, Stopwatch.GetElapsedTime(clock)), Self);
            throw;
        }
        catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            duration = Ended(clock, activity, previous, failed);
        }
        var result = new ChunkResult(run.JobId, run.ChunkIndex, run.FirstIndex, output, startedUtc, duration);
        if (_forWire is not null && !Sender.Path.Address.HasLocalScope)
        {
            try
            {
                result = _forWire(result);
            }
            catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException or System.Text.Json.JsonException)
            {
                var cause = new InvalidOperationException($"the result of chunk {run.ChunkIndex} (elements from {run.FirstIndex}) cannot be sent back: {e.Message}", e);
                Sender.Tell(new ChunkFailed(run.JobId, run.ChunkIndex, ElementFailure.From(run.FirstIndex, cause, Self, Context.System),
                    (run.Supervision ?? s_default).Decide(cause), startedUtc, duration), Self);
                return;
            }
        }
        Sender.Tell(result, Self);
    }

    private TimeSpan Ended(long clock, Activity? activity, Activity? previous, bool failed)
    {
        var duration = Stopwatch.GetElapsedTime(clock);
        ActorMapTelemetry.WorkersBusy.Add(-1, _nodeTag);
        _busy.Ended();
        ActorMapTelemetry.ChunkDuration.Record(duration.TotalSeconds, _nodeTag);
        if (activity is not null)
        {
            if (failed)
            {
                activity.SetStatus(ActivityStatusCode.Error);
            }
            activity.Stop();
            // The span began on this dispatcher thread; the next message must not run inside it.
            Activity.Current = previous;
        }
        return duration;
    }
}
