using ActorMap.Compute.Actors;
using ActorMap.Compute.Jobs;
using ActorMap.Compute.Workers;
using Akka.Actor;
using Akka.TestKit;

namespace ActorMap.Compute.Tests.Actors;

//   parent (forwards to TestActor) ── cluster router ──> probe workers, announced as a directory would
public class ChunkRouterFaultsSpec : Akka.TestKit.Xunit2.TestKit
{
    private readonly TestProbe _aggregator;
    private IActorRef? _router;

    public ChunkRouterFaultsSpec() => _aggregator = CreateTestProbe("aggregator");

    private IActorRef StartClusterRouter(long length, int chunkSize, MapOptions options)
    {
        var directory = CreateTestProbe("directory");
        var job = TestJobs.Spec(length, chunkSize, new RecordingSink(), options) with { WorkerDirectory = directory.Ref };
        Sys.ActorOf(Props.Create(() => new ForwardingParent(ChunkRouter.PropsFor(job, _aggregator.Ref, null), TestActor)));
        _router = ExpectMsg<IActorRef>();
        directory.ExpectMsg<SubscribeWorkers>();
        return _router;
    }

    private void Complete(TestProbe worker, int chunk) =>
        worker.Send(_router!, new ChunkResult(1, chunk, chunk * 10L, new ChunkOutput<long>(new long[10])));

    [Fact]
    public void A_result_from_a_withdrawn_worker_must_be_dropped_and_counted_and_the_re_dispatched_copy_counts()
    {
        var late = CreateTestProbe("late");
        Sys.EventStream.Subscribe(late.Ref, typeof(LateResultDropped));
        var router = StartClusterRouter(length: 20, chunkSize: 10, new MapOptions { MaxChunksInFlightPerWorker = 2 });
        var w1 = CreateTestProbe("n1");
        router.Tell(new WorkersChanged([w1.Ref], []));
        w1.ReceiveN(2);

        router.Tell(new WorkersChanged([], [w1.Ref]));
        var w2 = CreateTestProbe("n2");
        router.Tell(new WorkersChanged([w2.Ref], []));
        Assert.Equal([0, 1], w2.ReceiveN(2).Cast<RunChunk>().Select(r => r.ChunkIndex));
        // The frozen worker wakes up and finishes what it held: too late, the chunks run elsewhere.
        Complete(w1, 0);

        Assert.Equal(1, late.ExpectMsg<LateResultDropped>().JobId);
        _aggregator.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Complete(w2, 0);
        Complete(w2, 1);
        Assert.Equal([0, 1], _aggregator.ReceiveN(2).Cast<ChunkResult>().Select(r => r.ChunkIndex));
    }

    [Fact]
    public void A_result_the_worker_sends_twice_must_count_once()
    {
        var router = StartClusterRouter(length: 20, chunkSize: 10, new MapOptions { MaxChunksInFlightPerWorker = 2 });
        var w1 = CreateTestProbe("n1");
        router.Tell(new WorkersChanged([w1.Ref], []));
        w1.ReceiveN(2);

        Complete(w1, 0);
        Complete(w1, 0);

        Assert.Equal(0, _aggregator.ExpectMsg<ChunkResult>().ChunkIndex);
        _aggregator.ExpectNoMsg(TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public void A_cluster_job_with_no_workers_past_the_timeout_must_fail_naming_the_job_its_lost_chunks_and_their_node()
    {
        var router = StartClusterRouter(length: 40, chunkSize: 10,
            new MapOptions { MaxChunksInFlightPerWorker = 2, NoWorkersTimeout = TimeSpan.FromMilliseconds(300) });
        var w1 = CreateTestProbe("n1");
        router.Tell(new WorkersChanged([w1.Ref], []));
        w1.ReceiveN(2);
        Complete(w1, 0);
        w1.ExpectMsg<RunChunk>();

        router.Tell(new WorkersChanged([], [w1.Ref]));

        var error = ExpectMsg<JobFailed>(TimeSpan.FromSeconds(5)).Error.Message;
        Assert.Contains("Job 1 failed: it has had no workers", error, StringComparison.Ordinal);
        Assert.Contains("3 of 4 chunks not done; lost chunks 1, 2 with " + w1.Ref.Path.Address, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_worker_that_joins_before_the_timeout_must_keep_the_job_alive()
    {
        var router = StartClusterRouter(length: 20, chunkSize: 10,
            new MapOptions { MaxChunksInFlightPerWorker = 2, NoWorkersTimeout = TimeSpan.FromMilliseconds(300) });
        var w1 = CreateTestProbe("n1");
        router.Tell(new WorkersChanged([w1.Ref], []));
        w1.ReceiveN(2);

        Complete(w1, 0);
        Complete(w1, 1);

        _aggregator.ReceiveN(2);
        ExpectNoMsg(TimeSpan.FromMilliseconds(600));
    }
}
