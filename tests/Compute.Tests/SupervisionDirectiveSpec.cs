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
    public async Task A_policy_must_choose_each_exceptions_directive_by_type_in_one_job()
    {
        // Escalate by default: only the per-type directives let the FormatException and the
        // overflow be retried; the DivideByZeroException escalates at once.
        var policy = new SupervisionPolicy(Directive.Escalate)
            .On<FormatException>(Directive.Resume)
            .On<ArithmeticException>(Directive.Restart)
            .On<DivideByZeroException>(Directive.Escalate);
        var formatOnce = 0;
        var overflowOnce = 0;
        Func<long, long> function = x =>
            x == 100 && Interlocked.Exchange(ref formatOnce, 1) == 0 ? throw new FormatException("once")
            : x == 600 && Interlocked.Exchange(ref overflowOnce, 1) == 0 ? throw new OverflowException("once")
            : x;

        var results = await _pool.MapAsync(new LongRange(0, 1000), function, new MapOptions { Supervision = policy, ChunkSize = 50, RetriesPerChunk = 3 });
        var error = await Assert.ThrowsAsync<MapJobException>(() => _pool.MapAsync(new LongRange(0, 1000),
            x => x == 700 ? throw new DivideByZeroException() : x, new MapOptions { Supervision = policy, ChunkSize = 50, RetriesPerChunk = 3 }));

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), results);
        Assert.Equal(700, error.ElementIndex);
        Assert.Equal(1, error.Attempts);
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
