using ActorMap.Compute.Actors;
using Akka.Actor;
using Akka.TestKit;

namespace ActorMap.Compute.Tests.Actors;

//   parent (forwards to TestActor) ── router ──> probe workers w1, w2 (not its children here)
/// <summary>
/// The router applies the directive each failure carries (the worker took it from the job's
/// policy) and counts retries per chunk within the window.
/// </summary>
public sealed class ChunkRouterSupervisionSpec : Akka.TestKit.Xunit2.TestKit
{
    private static readonly ElementFailure s_failure = new(7, "System.FormatException", "bad", "at Worker", "w");
    private readonly TestProbe _aggregator;

    public ChunkRouterSupervisionSpec() => _aggregator = CreateTestProbe("aggregator");

    private TestProbe[] StartRouter(MapOptions options, long length = 10)
    {
        var probes = new[] { CreateTestProbe("w1"), CreateTestProbe("w2") };
        var job = TestJobs.Spec(length, 10, new RecordingSink(), options with { MaxChunksInFlightPerWorker = 1 });
        Sys.ActorOf(Props.Create(() => new ForwardingParent(ChunkRouter.PropsFor(job, _aggregator.Ref, probes.Select(p => p.Ref).ToArray()), TestActor)));
        ExpectMsg<IActorRef>();
        return probes;
    }

    [Fact]
    public void Router_must_fail_the_job_at_the_first_escalated_failure_whatever_the_retries()
    {
        var w = StartRouter(new MapOptions { RetriesPerChunk = 5 });

        w[0].ExpectMsg<RunChunk>();
        w[0].Reply(new ChunkFailed(1, 0, s_failure, Directive.Escalate));

        var error = Assert.IsType<MapJobException>(ExpectMsg<JobFailed>().Error);
        Assert.Equal(1, error.Attempts);
        Assert.Equal("System.FormatException", error.ErrorType);
    }

    [Fact]
    public void Router_must_send_no_more_of_the_jobs_chunks_to_a_worker_stopped_for_it()
    {
        var w = StartRouter(new MapOptions { RetriesPerChunk = 5 }, length: 30);
        Assert.Equal(0, w[0].ExpectMsg<RunChunk>().ChunkIndex);
        Assert.Equal(1, w[1].ExpectMsg<RunChunk>().ChunkIndex);

        w[0].Reply(new ChunkFailed(1, 0, s_failure, Directive.Stop));
        w[1].Send(w[1].LastSender, new ChunkResult(1, 1, 10, new Compute.Jobs.ChunkOutput<long>(new long[10])));

        // Both the retry and the next fresh chunk go to the worker left.
        Assert.Equal(0, w[1].ExpectMsg<RunChunk>().ChunkIndex);
        w[0].ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Theory]
    [InlineData(Directive.Restart)]
    [InlineData(Directive.Resume)]
    public void Router_must_retry_a_chunk_on_any_worker_after_a_restart_or_resume(Directive directive)
    {
        var w = StartRouter(new MapOptions { RetriesPerChunk = 1 });

        w[0].ExpectMsg<RunChunk>();
        w[0].Reply(new ChunkFailed(1, 0, s_failure, directive));

        Assert.Equal(0, w[1].ExpectMsg<RunChunk>().ChunkIndex);
    }

    [Fact]
    public void Router_must_count_failures_within_the_retry_window_towards_the_chunks_retries()
    {
        // Akka's TestScheduler does not move the monotonic clock the router (like Akka's own
        // restart counting) reads, so windows that pass are ChunkRetriesSpec's and the cluster specs'.
        var w = StartRouter(new MapOptions { RetriesPerChunk = 1, RetryWindow = TimeSpan.FromHours(1) });
        w[0].ExpectMsg<RunChunk>();
        w[0].Reply(new ChunkFailed(1, 0, s_failure));

        w[1].ExpectMsg<RunChunk>();
        w[1].Reply(new ChunkFailed(1, 0, s_failure));

        Assert.Equal(2, Assert.IsType<MapJobException>(ExpectMsg<JobFailed>().Error).Attempts);
    }
}
