using Akka.Actor;

namespace ActorMap.Compute.Tests;

/// <summary>Each directive for a worker's exception, end to end through a pool.</summary>
public sealed class SupervisionDirectiveSpec : Akka.TestKit.Xunit2.TestKit
{
    private readonly MapPool _pool;

    public SupervisionDirectiveSpec() => _pool = MapPool.Create(Sys, new MapOptions { Workers = 2 });

    private Func<long, long> FailingOnce(long element)
    {
        var failed = 0;
        return x => x == element && Interlocked.Exchange(ref failed, 1) == 0 ? throw new InvalidOperationException("once") : x;
    }

    [Theory]
    [InlineData(Directive.Restart)]
    [InlineData(Directive.Resume)]
    [InlineData(Directive.Stop)]
    public async Task A_chunk_that_fails_once_must_be_retried_and_the_job_succeed(Directive directive)
    {
        var results = await _pool.MapAsync(new LongRange(0, 1000), FailingOnce(123),
            new MapOptions { Supervision = directive, ChunkSize = 50, RetriesPerChunk = 1 });

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), results);
    }

    [Fact]
    public async Task Escalate_must_fail_the_job_at_once_naming_the_element()
    {
        var error = await Assert.ThrowsAsync<MapJobException>(() => _pool.MapAsync(new LongRange(0, 1000), FailingOnce(321),
            new MapOptions { Supervision = Directive.Escalate, ChunkSize = 50, RetriesPerChunk = 5 }));

        Assert.Equal(321, error.ElementIndex);
        Assert.Equal(typeof(InvalidOperationException).FullName, error.ErrorType);
    }

    [Fact]
    public async Task Stop_must_fail_the_job_when_every_worker_has_been_stopped()
    {
        var error = await Assert.ThrowsAsync<MapJobException>(() => _pool.MapAsync(new LongRange(0, 1000),
            x => x >= 500 ? throw new InvalidOperationException("always") : x,
            new MapOptions { Supervision = Directive.Stop, ChunkSize = 100, RetriesPerChunk = 10 }));

        Assert.Contains("no workers left", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_element_must_reach_the_caller_only_and_log_no_error()
    {
        // The caller gets the element, its exception and the worker-side trace; a log line per
        // failure and per retry would only repeat it.
        await EventFilter.Error().ExpectAsync(0, async () =>
            await Assert.ThrowsAsync<MapJobException>(() => _pool.MapAsync(new LongRange(0, 1000),
                x => x == 700 ? throw new InvalidOperationException("always") : x, new MapOptions { ChunkSize = 100, RetriesPerChunk = 2 })));
    }
}
