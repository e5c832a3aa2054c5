using ActorMap.Compute.Actors;
using ActorMap.Compute.Jobs;
using Akka.Actor;
using Akka.TestKit;

namespace ActorMap.Compute.Tests.Actors;

//   parent (forwards to TestActor) ── router ──> probe workers (not its children here)
public class ChunkRouterSpec : Akka.TestKit.Xunit2.TestKit
{
    private readonly TestProbe _aggregator;
    private IActorRef? _router;

    public ChunkRouterSpec() => _aggregator = CreateTestProbe("aggregator");

    private (IActorRef Router, TestProbe[] Workers) StartRouter(long length, int chunkSize, MapOptions options, int workers = 2)
    {
        var probes = Enumerable.Range(1, workers).Select(i => CreateTestProbe($"w{i}")).ToArray();
        var job = TestJobs.Spec(length, chunkSize, new RecordingSink(), options, workers);
        var props = ChunkRouter.PropsFor(job, _aggregator.Ref, probes.Select(p => p.Ref).ToArray());
        Sys.ActorOf(Props.Create(() => new ForwardingParent(props, TestActor)));
        _router = ExpectMsg<IActorRef>();
        return (_router, probes);
    }

    private static int ExpectChunk(TestProbe worker) => worker.ExpectMsg<RunChunk>().ChunkIndex;

    // Sent, not replied: Akka's ExpectNoMsg forgets the last sender.
    private void Complete(TestProbe worker, int chunk) =>
        worker.Send(_router!, new ChunkResult(1, chunk, chunk * 10L, new ChunkOutput<long>(new long[10])));

    [Fact]
    public void Router_must_hand_each_result_to_the_aggregator_as_the_chunks_done()
    {
        var (_, w) = StartRouter(length: 20, chunkSize: 10, new MapOptions { MaxChunksInFlightPerWorker = 1 });
        Assert.Equal(0, ExpectChunk(w[0]));
        Assert.Equal(1, ExpectChunk(w[1]));

        Complete(w[1], 1);

        Assert.Equal(1, _aggregator.ExpectMsg<ChunkResult>().ChunkIndex);
        _aggregator.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Round_robin_must_give_chunk_n_to_worker_n_mod_N_and_wait_when_a_worker_is_full()
    {
        var (_, w) = StartRouter(length: 60, chunkSize: 10, new MapOptions { MaxChunksInFlightPerWorker = 2 });

        Assert.Equal([0, 2], new[] { ExpectChunk(w[0]), ExpectChunk(w[0]) });
        Assert.Equal([1, 3], new[] { ExpectChunk(w[1]), ExpectChunk(w[1]) });
        w[0].ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        Complete(w[0], 0);
        Assert.Equal(4, ExpectChunk(w[0]));
        // Worker 2's turn is next, and it is full: nothing moves, even though worker 1 has room.
        Complete(w[0], 2);
        w[0].ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Complete(w[1], 1);
        Assert.Equal(5, ExpectChunk(w[1]));
    }

    [Fact]
    public void Router_must_keep_at_most_the_configured_chunks_in_flight_per_worker()
    {
        var (_, w) = StartRouter(length: 1_000_000, chunkSize: 10, new MapOptions { MaxChunksInFlightPerWorker = 3 });

        foreach (var worker in w)
        {
            Assert.Equal(3, worker.ReceiveN(3).Count);
            worker.ExpectNoMsg(TimeSpan.FromMilliseconds(150));
        }
    }

    [Fact]
    public void Pull_must_give_the_next_chunk_to_whichever_worker_has_room()
    {
        var (_, w) = StartRouter(length: 50, chunkSize: 10, new MapOptions { MaxChunksInFlightPerWorker = 1, Balancing = Balancing.Pull });
        Assert.Equal(0, ExpectChunk(w[0]));
        Assert.Equal(1, ExpectChunk(w[1]));

        Complete(w[0], 0);
        Assert.Equal(2, ExpectChunk(w[0]));
        Complete(w[0], 2);
        Assert.Equal(3, ExpectChunk(w[0]));

        w[1].ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Failed_chunk_must_be_retried_and_the_job_failed_when_retries_are_spent()
    {
        var (_, w) = StartRouter(length: 10, chunkSize: 10, new MapOptions { RetriesPerChunk = 2, MaxChunksInFlightPerWorker = 1 });
        var failure = new ElementFailure(7, "System.DivideByZeroException", "Attempted to divide by zero.", "at Worker", "w");

        Assert.Equal(0, ExpectChunk(w[0]));
        w[0].Reply(new ChunkFailed(1, 0, failure));
        Assert.Equal(0, ExpectChunk(w[1]));
        w[1].Reply(new ChunkFailed(1, 0, failure));
        Assert.Equal(0, ExpectChunk(w[0]));
        w[0].Reply(new ChunkFailed(1, 0, failure));

        var failed = ExpectMsg<JobFailed>();
        var error = Assert.IsType<MapJobException>(failed.Error);
        Assert.Equal(7, error.ElementIndex);
        Assert.Equal(3, error.Attempts);
        Assert.Equal("System.DivideByZeroException", error.ErrorType);
    }

    [Fact]
    public void Chunks_held_by_a_worker_that_stops_must_go_to_the_others()
    {
        var (_, w) = StartRouter(length: 40, chunkSize: 10, new MapOptions { MaxChunksInFlightPerWorker = 2 });
        Assert.Equal([0, 2], w[0].ReceiveN(2).Cast<RunChunk>().Select(r => r.ChunkIndex));
        Assert.Equal([1, 3], w[1].ReceiveN(2).Cast<RunChunk>().Select(r => r.ChunkIndex));

        Sys.Stop(w[1].Ref);
        Complete(w[0], 0);
        Complete(w[0], 2);

        Assert.Equal([1, 3], w[0].ReceiveN(2).Cast<RunChunk>().Select(r => r.ChunkIndex).Order());
    }

    [Fact]
    public void Losing_every_worker_must_fail_the_job()
    {
        var (_, w) = StartRouter(length: 40, chunkSize: 10, new MapOptions());

        Sys.Stop(w[0].Ref);
        Sys.Stop(w[1].Ref);

        var failed = ExpectMsg<JobFailed>();
        Assert.Contains("no workers left", failed.Error.Message, StringComparison.Ordinal);
    }

    private (IActorRef Router, TestProbe Directory) StartClusterRouter(long length, int chunkSize, MapOptions options)
    {
        var directory = CreateTestProbe("directory");
        var job = TestJobs.Spec(length, chunkSize, new RecordingSink(), options) with { WorkerDirectory = directory.Ref };
        Sys.ActorOf(Props.Create(() => new ForwardingParent(ChunkRouter.PropsFor(job, _aggregator.Ref, null), TestActor)));
        var router = _router = ExpectMsg<IActorRef>();
        directory.ExpectMsg<Workers.SubscribeWorkers>(s => s.Subscriber.Equals(router));
        return (router, directory);
    }

    [Fact]
    public void Cluster_router_must_wait_for_workers_and_use_those_that_join_mid_job()
    {
        var (router, _) = StartClusterRouter(length: 100, chunkSize: 10, new MapOptions { MaxChunksInFlightPerWorker = 1 });
        var w1 = CreateTestProbe("n1");
        var w2 = CreateTestProbe("n2");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        router.Tell(new Workers.WorkersChanged([w1.Ref], []));
        Assert.Equal(0, ExpectChunk(w1));
        router.Tell(new Workers.WorkersChanged([w2.Ref], []));
        // Round-robin: the newcomer's turn comes once the worker ahead of it has room again.
        Complete(w1, 0);

        Assert.Equal(1, ExpectChunk(w1));
        Assert.Equal(2, ExpectChunk(w2));
    }

    [Fact]
    public void Cluster_router_must_reroute_the_chunks_of_a_withdrawn_worker_and_not_fail_when_none_are_left()
    {
        var (router, _) = StartClusterRouter(length: 40, chunkSize: 10, new MapOptions { MaxChunksInFlightPerWorker = 2 });
        var w1 = CreateTestProbe("n1");
        router.Tell(new Workers.WorkersChanged([w1.Ref], []));
        Assert.Equal([0, 1], w1.ReceiveN(2).Cast<RunChunk>().Select(r => r.ChunkIndex));

        router.Tell(new Workers.WorkersChanged([], [w1.Ref]));
        ExpectNoMsg(TimeSpan.FromMilliseconds(150));
        var w2 = CreateTestProbe("n2");
        router.Tell(new Workers.WorkersChanged([w2.Ref], []));

        Assert.Equal([0, 1], w2.ReceiveN(2).Cast<RunChunk>().Select(r => r.ChunkIndex));
    }
}
