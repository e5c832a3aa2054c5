using ActorMap.Compute.Actors;
using ActorMap.Compute.Jobs;
using ActorMap.Compute.Telemetry;
using ActorMap.Compute.Workers;
using Akka.Actor;
using Akka.TestKit;

namespace ActorMap.Compute.Tests.Actors;

//   parent (forwards to TestActor) ── router ──> probe workers; the job's recorder watched from the spec
public class ChunkRouterRecordingSpec : Akka.TestKit.Xunit2.TestKit
{
    private readonly TestProbe _aggregator;
    private readonly JobRecorder _recorder = new(1, "x => x");
    private IActorRef? _router;

    public ChunkRouterRecordingSpec() => _aggregator = CreateTestProbe("aggregator");

    private TestProbe[] StartRouter(long length, MapOptions options, int workers = 2)
    {
        var probes = Enumerable.Range(1, workers).Select(i => CreateTestProbe($"worker-{i}")).ToArray();
        var job = Spec(length, options, workers);
        Sys.ActorOf(Props.Create(() => new ForwardingParent(ChunkRouter.PropsFor(job, _aggregator.Ref, probes.Select(p => p.Ref).ToArray()), TestActor)));
        _router = ExpectMsg<IActorRef>();
        return probes;
    }

    private JobSpec Spec(long length, MapOptions options, int workers)
    {
        var job = TestJobs.Spec(length, 10, new RecordingSink(), options, workers) with { Recorder = _recorder };
        _recorder.Begin(length, job.Plan.ChunkCount, workers);
        return job;
    }

    private void Complete(TestProbe worker, int chunk, DateTime started, TimeSpan ran) =>
        worker.Send(_router!, new ChunkResult(1, chunk, chunk * 10L, new ChunkOutput<long>(new long[10]), started, ran));

    [Fact]
    public void Router_must_record_each_accepted_result_with_its_workers_timing_node_and_name()
    {
        var w = StartRouter(length: 30, new MapOptions { MaxChunksInFlightPerWorker = 1 });
        w[0].ExpectMsg<RunChunk>();
        w[1].ExpectMsg<RunChunk>();
        AwaitAssert(() => Assert.Equal(new JobCounters(1, 2, 0, 0, 0, 0, 0), _recorder.Counters()));

        var started = _recorder.StartedAt.UtcDateTime + TimeSpan.FromMilliseconds(5);
        Complete(w[1], 1, started, TimeSpan.FromMilliseconds(7));
        _aggregator.ExpectMsg<ChunkResult>();

        var span = Assert.Single(_recorder.SpansFrom(0));
        Assert.Equal(new ChunkSpan(1, 10, 10, "local", "worker-2", TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(7), ChunkOutcome.Done), span);
        // Round-robin: chunk 2 waits for worker-1, which still holds chunk 0.
        Assert.Equal(new JobCounters(1, 1, 1, 0, 0, 0, 10), _recorder.Counters());
        Assert.Equal([new WorkerLane("local", "worker-1"), new WorkerLane("local", "worker-2")], _recorder.Lanes());
    }

    [Fact]
    public void Router_must_record_a_failed_attempt_and_count_its_retry()
    {
        var w = StartRouter(length: 10, new MapOptions { RetriesPerChunk = 1, MaxChunksInFlightPerWorker = 1 });
        w[0].ExpectMsg<RunChunk>();
        w[0].Reply(new ChunkFailed(1, 0, new ElementFailure(3, "System.Exception", "boom", "", "w"), Duration: TimeSpan.FromMilliseconds(2)));

        w[1].ExpectMsg<RunChunk>();

        var span = Assert.Single(_recorder.SpansFrom(0));
        Assert.Equal((0, ChunkOutcome.Failed, "worker-1", TimeSpan.FromMilliseconds(2)), (span.Chunk, span.Outcome, span.Worker, span.Duration));
        Assert.Equal(1, _recorder.Counters().Retries);
    }

    [Fact]
    public void Router_must_mark_a_withdrawn_workers_chunks_re_dispatched_and_count_its_late_result()
    {
        var directory = CreateTestProbe("directory");
        var job = Spec(20, new MapOptions { MaxChunksInFlightPerWorker = 2 }, 2) with { WorkerDirectory = directory.Ref };
        Sys.ActorOf(Props.Create(() => new ForwardingParent(ChunkRouter.PropsFor(job, _aggregator.Ref, null), TestActor)));
        _router = ExpectMsg<IActorRef>();
        directory.ExpectMsg<SubscribeWorkers>();
        var lost = CreateTestProbe("lost");
        _router.Tell(new WorkersChanged([lost.Ref], []));
        lost.ReceiveN(2);

        _router.Tell(new WorkersChanged([], [lost.Ref], Died: true));
        var other = CreateTestProbe("other");
        _router.Tell(new WorkersChanged([other.Ref], []));
        other.ReceiveN(2);
        Complete(lost, 0, default, TimeSpan.Zero);
        Complete(other, 0, default, TimeSpan.FromMilliseconds(1));
        _aggregator.ExpectMsg<ChunkResult>();

        var spans = _recorder.SpansFrom(0);
        Assert.Equal([(0, ChunkOutcome.Redispatched, "lost"), (1, ChunkOutcome.Redispatched, "lost"), (0, ChunkOutcome.Done, "other")],
            spans.Select(s => (s.Chunk, s.Outcome, s.Worker)));
        Assert.Equal(new JobCounters(ChunksQueued: 0, ChunksInFlight: 1, ChunksDone: 1, Retries: 0, Redispatched: 2, LateResultsDropped: 1, ElementsDone: 10),
            _recorder.Counters());
    }
}
