using ActorMap.Compute.Actors;
using ActorMap.Compute.Jobs;
using ActorMap.Runtime.Actor;
using ActorMap.TestKit;

namespace ActorMap.Compute.Tests.Actors;

//   parent (forwards to TestActor) ── router ──> probe workers (not its children here)
public class ChunkRouterSpec : TestKit.TestKit
{
    private readonly TestProbe _aggregator;

    public ChunkRouterSpec() => _aggregator = CreateTestProbe("aggregator");

    private (IActorRef Router, TestProbe[] Workers) StartRouter(long length, int chunkSize, MapOptions options, int workers = 2)
    {
        var probes = Enumerable.Range(1, workers).Select(i => CreateTestProbe($"w{i}")).ToArray();
        var job = TestJobs.Spec(length, chunkSize, new RecordingSink(), options, workers);
        var props = ChunkRouter.PropsFor(job, _aggregator.Ref, probes.Select(p => p.Ref).ToArray());
        Sys.ActorOf(Props.Create(() => new ForwardingParent(props, TestActor)));
        return (ExpectMsg<IActorRef>(), probes);
    }

    private static int ExpectChunk(TestProbe worker) => worker.ExpectMsg<RunChunk>().ChunkIndex;

    private static void Complete(TestProbe worker, int chunk) => worker.Reply(new ChunkCompleted(1, chunk));

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
}
