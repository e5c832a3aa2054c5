using Akka.Actor;
using FsCheck;
using FsCheck.Fluent;

namespace ActorMap.Compute.Tests;

public sealed class MapPoolSpec : Akka.TestKit.Xunit2.TestKit
{
    private readonly MapPool _pool;

    public MapPoolSpec() => _pool = MapPool.Create(Sys, new MapOptions { Workers = 3 });

    [Fact]
    public async Task Map_must_return_every_result_in_input_order()
    {
        var results = await _pool.MapAsync(new LongRange(0, 100_000), x => x * x, new MapOptions { Workers = 4, ChunkSize = 777 });

        Assert.Equal(Enumerable.Range(0, 100_000).Select(i => (long)i * i), results);
    }

    [Fact]
    public async Task Map_must_keep_order_when_early_chunks_finish_last()
    {
        // The first elements are the slowest, so later chunks finish first.
        var input = Enumerable.Range(0, 400).ToArray();

        var results = await _pool.MapAsync(input, i => (int)Spin(i < 50 ? 20_000 : 10) + i, new MapOptions { Workers = 4, ChunkSize = 10 });

        Assert.Equal(input, results);
    }

    [Fact]
    public async Task MapReduce_must_fold_in_input_order_for_a_non_commutative_reduce()
    {
        var words = Enumerable.Range(0, 500).Select(i => $"w{i}").ToArray();

        var joined = await _pool.MapReduceAsync(words, w => w + ",", (a, b) => a + b, new MapOptions { ChunkSize = 7, Balancing = Balancing.Pull });

        Assert.Equal(string.Concat(words.Select(w => w + ",")), joined);
    }

    [Fact]
    public void Ordered_reduce_must_equal_a_sequential_left_fold()
    {
        var property = Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(-50, 50)).ToArbitrary(),
            Gen.Choose(1, 20).ToArbitrary(),
            (values, chunkSize) =>
            {
                // Subtraction is neither commutative nor associative: only a true left fold matches.
                var expected = values.Aggregate(1000L, (a, b) => a - (b * 3L));
                var actual = _pool.MapReduceAsync(values, v => v * 3L, 1000L, (a, b) => a - b, new MapOptions { ChunkSize = chunkSize }).Result;
                return expected == actual;
            });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(80), property);
    }

    [Fact]
    public async Task Failing_element_must_reach_the_caller_with_its_index_type_message_and_worker_trace()
    {
        var error = await Assert.ThrowsAsync<MapJobException>(() =>
            _pool.MapAsync(new LongRange(0, 1000), x => 100 / (x - 500)));

        Assert.Equal(500, error.ElementIndex);
        Assert.Equal("System.DivideByZeroException", error.ErrorType);
        Assert.Equal(new DivideByZeroException().Message, error.ErrorMessage);
        Assert.Contains(nameof(Failing_element_must_reach_the_caller_with_its_index_type_message_and_worker_trace), error.WorkerStackTrace, StringComparison.Ordinal);
        Assert.Contains("/router/workers/", error.Worker, StringComparison.Ordinal);
        Assert.Equal(3, error.Attempts);
    }

    [Fact]
    public async Task Chunk_must_succeed_when_it_fails_fewer_times_than_the_retries_allow()
    {
        var failuresLeft = 2;

        var results = await _pool.MapAsync(new LongRange(0, 100), x =>
            x == 42 && Interlocked.Decrement(ref failuresLeft) >= 0 ? throw new InvalidOperationException("flaky") : x,
            new MapOptions { RetriesPerChunk = 2, ChunkSize = 10 });

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), results);
    }

    [Fact]
    public async Task Job_must_fail_once_the_retries_are_spent()
    {
        var attempts = 0;

        var error = await Assert.ThrowsAsync<MapJobException>(() => _pool.MapAsync(new LongRange(0, 100), x =>
            x == 42 && Interlocked.Increment(ref attempts) > 0 ? throw new InvalidOperationException("always") : x,
            new MapOptions { RetriesPerChunk = 4, ChunkSize = 10 }));

        Assert.Equal(5, error.Attempts);
        Assert.Equal(5, attempts);
    }

    [Fact]
    public async Task A_failing_job_must_not_disturb_another_running_at_the_same_time()
    {
        var healthy = _pool.MapAsync(new LongRange(0, 200_000), x => x + 1, new MapOptions { ChunkSize = 1000 });
        var failing = _pool.MapAsync(new LongRange(0, 200_000), x => x == 150_000 ? throw new InvalidOperationException("bad") : x, new MapOptions { ChunkSize = 1000 });

        await Assert.ThrowsAsync<MapJobException>(() => failing);
        var results = await healthy;

        Assert.Equal(200_000, results.Length);
        Assert.Equal(200_000, results[^1]);
    }

    [Fact]
    public async Task Cancellation_must_end_the_job_promptly_and_free_its_actors()
    {
        using var cts = new CancellationTokenSource();
        using var started = new ManualResetEventSlim(false);
        IActorRef? coordinator = null;
        _pool.JobStarted = job => coordinator = job;
        var job = _pool.MapReduceAsync(new LongRange(0, 1_000_000_000), x =>
        {
            started.Set();
            return Spin(100) + x;
        }, 0L, (a, b) => a + b, new MapOptions { ChunkSize = 1_000_000 }, cts.Token);
        Assert.True(started.Wait(Dilated(TimeSpan.FromSeconds(5))));
        Watch(coordinator!);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job);
        ExpectTerminated(coordinator!);
    }

    [Fact]
    public async Task Finished_job_must_stop_its_actors()
    {
        IActorRef? coordinator = null;
        _pool.JobStarted = job => coordinator = job;

        await _pool.MapAsync(new LongRange(0, 100), x => x);

        Watch(coordinator!);
        ExpectTerminated(coordinator!);
    }

    [Fact]
    public async Task Empty_input_must_give_an_empty_result()
    {
        Assert.Empty(await _pool.MapAsync(Array.Empty<long>(), x => x));
        Assert.Equal(0L, await _pool.MapReduceAsync(new LongRange(5, 5), x => x, 0L, (a, b) => a + b));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _pool.MapReduceAsync(Array.Empty<long>(), x => x, (a, b) => a + b));
    }

    [Fact]
    public async Task One_element_and_a_chunk_larger_than_the_input_must_work()
    {
        var one = await _pool.MapAsync(new LongRange(7, 8), x => x * x);
        var small = await _pool.MapAsync(new[] { 1.0, 2.0 }, x => x * 2.5, new MapOptions { ChunkSize = 1000 });

        Assert.Equal(new[] { 49L }, one);
        Assert.Equal(new[] { 2.5, 5.0 }, small);
    }

    [Fact]
    public async Task Rows_input_must_map_each_row()
    {
        long[][] rows = [[1, 5, 9], [4, 8, 2], [6, 6, 6], []];

        var counts = await _pool.MapAsync(rows, row => row.Count(v => v >= 4 && v <= 8));

        Assert.Equal([1, 2, 3, 0], counts);
    }

    [Fact]
    public async Task Pull_balancing_must_give_the_same_results()
    {
        var results = await _pool.MapAsync(new LongRange(0, 10_000), x => x % 7, new MapOptions { Balancing = Balancing.Pull, ChunkSize = 100 });

        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => (long)(i % 7)), results);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(-1, null)]
    [InlineData(null, 0)]
    [InlineData(null, -5)]
    public async Task Bad_options_must_be_refused(int? workers, int? chunkSize) =>
        await Assert.ThrowsAsync<ArgumentException>(() => _pool.MapAsync(new LongRange(0, 10), x => x, new MapOptions { Workers = workers, ChunkSize = chunkSize }));

    [Fact]
    public async Task Ordered_stream_must_yield_results_in_input_order()
    {
        var seen = new List<long>();
        await foreach (var value in _pool.MapOrderedAsync(new LongRange(0, 5000), x => x * 2, new MapOptions { ChunkSize = 64 }))
        {
            seen.Add(value);
        }

        Assert.Equal(Enumerable.Range(0, 5000).Select(i => i * 2L), seen);
    }

    [Fact]
    public async Task Unordered_stream_must_yield_every_result_once_with_its_index()
    {
        var seen = new Dictionary<long, long>();
        await foreach (var result in _pool.MapUnorderedAsync(Enumerable.Range(0, 3000).Select(i => (long)i).ToArray(), x => x + 1, new MapOptions { ChunkSize = 50 }))
        {
            seen.Add(result.Index, result.Value);
        }

        Assert.Equal(3000, seen.Count);
        Assert.All(seen, kv => Assert.Equal(kv.Key + 1, kv.Value));
    }

    [Fact]
    public async Task Progress_must_reach_the_total()
    {
        var reports = new List<MapProgress>();
        var progress = new SyncProgress(p =>
        {
            lock (reports)
            {
                reports.Add(p);
            }
        });

        await _pool.MapAsync(new LongRange(0, 1000), x => x, new MapOptions { ChunkSize = 100, Progress = progress });

        lock (reports)
        {
            Assert.Equal(10, reports.Count);
            Assert.Equal(new MapProgress(1000, 1000, 10, 10), reports[^1]);
        }
    }

    private static long Spin(int iterations)
    {
        var x = 0L;
        for (var i = 0; i < iterations; i++)
        {
            x += (long)Math.Sqrt(i) & 1;
        }
        return x - x;
    }

    private sealed class SyncProgress(Action<MapProgress> report) : IProgress<MapProgress>
    {
        public void Report(MapProgress value) => report(value);
    }

    [Fact]
    public async Task Embedded_pool_must_run_workers_on_their_own_threads_not_the_thread_pool()
    {
        await using var embedded = MapPool.Create(new MapOptions { Workers = 2 });

        var onThreadPool = await embedded.MapAsync(new LongRange(0, 200), _ => Thread.CurrentThread.IsThreadPoolThread, new MapOptions { ChunkSize = 10 });

        // Akka's default dispatcher runs on the thread pool: CPU-bound chunks must not.
        Assert.DoesNotContain(true, onThreadPool);
    }

    [Fact]
    public async Task Two_pools_on_one_actor_system_must_run_jobs_side_by_side()
    {
        var other = MapPool.Create(Sys, new MapOptions { Workers = 2 });

        var both = await Task.WhenAll(
            _pool.MapAsync(new LongRange(0, 10_000), x => x + 1, new MapOptions { ChunkSize = 100 }),
            other.MapAsync(new LongRange(0, 10_000), x => x + 2, new MapOptions { ChunkSize = 100 }));

        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (long)i), both[0]);
        Assert.Equal(Enumerable.Range(2, 10_000).Select(i => (long)i), both[1]);
    }

    [Fact]
    public async Task A_consumer_that_stops_reading_must_stop_the_job_dispatching_beyond_the_window()
    {
        var releases = CreateTestProbe("releases");
        var options = new MapOptions { Workers = 2, ChunkSize = 10, MaxChunksInFlightPerWorker = 2, Progress = new ToProbe(releases.Ref) };
        await using var results = _pool.MapOrderedAsync(new LongRange(0, 100_000), x => x, options).GetAsyncEnumerator();

        Assert.True(await results.MoveNextAsync());

        // The consumer holds the first chunk: the window fills, the chunks in flight land, and then nothing moves.
        var last = releases.FishForMessage<MapProgress>(p => p.ChunksDone >= ActorMap.Compute.Jobs.BackPressuredSink.Window, Dilated(TimeSpan.FromSeconds(10)));
        last = releases.ReceiveWhile<MapProgress>(TimeSpan.FromMilliseconds(500), p => (MapProgress)p).LastOrDefault() ?? last;
        releases.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.InRange(last.ChunksDone, ActorMap.Compute.Jobs.BackPressuredSink.Window, ActorMap.Compute.Jobs.BackPressuredSink.Window + (2 * 2) + 1);

        // Reading on lets it finish.
        var count = 1L;
        while (await results.MoveNextAsync())
        {
            count++;
        }
        Assert.Equal(100_000, count);
    }

    private sealed class ToProbe(IActorRef probe) : IProgress<MapProgress>
    {
        public void Report(MapProgress value) => probe.Tell(value);
    }
}
