using ActorMap.Compute.Telemetry;

namespace ActorMap.Compute.Tests.Telemetry;

public class JobRecorderSpec
{
    private static readonly TimeSpan s_ms = TimeSpan.FromMilliseconds(1);
    private readonly ManualTime _time = new();

    private JobRecorder Started(int chunks = 4)
    {
        var recorder = new JobRecorder(7, "x => x", _time);
        recorder.Begin(elements: chunks * 10, chunks, workers: 2);
        return recorder;
    }

    [Fact]
    public void Finished_WithTheWorkersTiming_RecordsSpansInTheOrderTheyEndedRelativeToTheJobsStart()
    {
        var recorder = Started();
        recorder.Dispatched(0);
        recorder.Dispatched(1);
        var zero = _time.UtcNow;
        _time.Advance(10 * s_ms);

        recorder.Finished(1, 10, 10, "10.0.0.2:5000", "worker-2", zero + 2 * s_ms, 5 * s_ms, done: true);
        recorder.Finished(0, 0, 10, "10.0.0.1:5000", "worker-1", zero + 1 * s_ms, 8 * s_ms, done: true);

        Assert.Equal(
            [new ChunkSpan(1, 10, 10, "10.0.0.2:5000", "worker-2", 2 * s_ms, 5 * s_ms, ChunkOutcome.Done),
             new ChunkSpan(0, 0, 10, "10.0.0.1:5000", "worker-1", 1 * s_ms, 8 * s_ms, ChunkOutcome.Done)],
            recorder.SpansFrom(0));
        Assert.Equal([new ChunkSpan(0, 0, 10, "10.0.0.1:5000", "worker-1", 1 * s_ms, 8 * s_ms, ChunkOutcome.Done)], recorder.SpansFrom(1));
        Assert.Empty(recorder.SpansFrom(2));
        Assert.Equal(2, recorder.SpanCount);
    }

    [Fact]
    public void Counters_AsChunksMove_CountQueuedInFlightDoneRetriesAndElements()
    {
        var recorder = Started(chunks: 4);
        Assert.Equal(new JobCounters(4, 0, 0, 0, 0, 0, 0), recorder.Counters());

        recorder.Dispatched(0);
        recorder.Dispatched(1);
        recorder.Dispatched(2);
        Assert.Equal(new JobCounters(1, 3, 0, 0, 0, 0, 0), recorder.Counters());

        recorder.Finished(0, 0, 10, "n", "w", _time.UtcNow, s_ms, done: true);
        recorder.Finished(1, 10, 10, "n", "w", _time.UtcNow, s_ms, done: false);
        recorder.Retrying();
        recorder.LateResultDropped();

        Assert.Equal(new JobCounters(ChunksQueued: 2, ChunksInFlight: 1, ChunksDone: 1, Retries: 1, Redispatched: 0, LateResultsDropped: 1, ElementsDone: 10),
            recorder.Counters());
        Assert.Equal(ChunkOutcome.Failed, recorder.SpansFrom(1)[0].Outcome);
    }

    [Fact]
    public void Redispatched_ALostWorkersChunk_IsMarkedAndSpansFromItsStartToTheWithdrawal()
    {
        var recorder = Started();
        _time.Advance(3 * s_ms);
        recorder.Dispatched(2);
        _time.Advance(4 * s_ms);
        recorder.Started(2);
        _time.Advance(6 * s_ms);

        recorder.Redispatched(2, 20, 10, "10.0.0.3:5000", "worker-1");

        var span = Assert.Single(recorder.SpansFrom(0));
        Assert.Equal(new ChunkSpan(2, 20, 10, "10.0.0.3:5000", "worker-1", 7 * s_ms, 6 * s_ms, ChunkOutcome.Redispatched), span);
        Assert.Equal(new JobCounters(4, 0, 0, 0, 1, 0, 0), recorder.Counters());
    }

    [Fact]
    public void Ended_Twice_KeepsTheFirstOutcomeAndItsTime()
    {
        var recorder = Started();
        _time.Advance(20 * s_ms);
        recorder.Ended("failed", new JobFailureView(3, "System.Exception", "boom", "worker-1", "at x"));
        _time.Advance(20 * s_ms);
        recorder.Ended("succeeded");

        Assert.Equal("failed", recorder.Outcome);
        Assert.Equal(3, recorder.Failure!.ElementIndex);
        Assert.Equal(20 * s_ms, recorder.Elapsed);
        Assert.Equal(recorder.StartedAt + 20 * s_ms, recorder.EndedAt);
    }

    [Fact]
    public void Outcome_WhileRunning_IsNullAndElapsedMovesOn()
    {
        var recorder = Started();
        _time.Advance(5 * s_ms);

        Assert.Null(recorder.Outcome);
        Assert.Null(recorder.EndedAt);
        Assert.Equal(5 * s_ms, recorder.Elapsed);
    }

    [Fact]
    public void Finished_AStartBeforeTheJobsOnAnotherClock_IsClampedToTheJobsStart()
    {
        var recorder = Started();

        recorder.Finished(0, 0, 10, "n", "w", _time.UtcNow - TimeSpan.FromSeconds(1), s_ms, done: true);

        Assert.Equal(TimeSpan.Zero, recorder.SpansFrom(0)[0].Start);
    }

    [Fact]
    public void WorkerAdded_TheSameWorkerTwice_IsOneLane()
    {
        var recorder = Started();
        recorder.WorkerAdded("a:1", "worker-1");
        recorder.WorkerAdded("b:1", "worker-1");
        recorder.WorkerAdded("a:1", "worker-1");

        Assert.Equal([new WorkerLane("a:1", "worker-1"), new WorkerLane("b:1", "worker-1")], recorder.Lanes());
    }
}
