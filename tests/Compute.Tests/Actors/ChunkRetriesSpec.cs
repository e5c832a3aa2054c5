using ActorMap.Compute.Actors;

namespace ActorMap.Compute.Tests.Actors;

/// <summary>maxNrOfRetries within withinTimeRange, per chunk, on times the spec chooses.</summary>
public sealed class ChunkRetriesSpec
{
    private static TimeSpan At(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Failed_NoWindow_AllowsMaxRetriesOverTheWholeJob()
    {
        var retries = new ChunkRetries();

        Assert.Equal(new RetryDecision(true, 1), retries.Failed(3, At(0), maxRetries: 2, Timeout.InfiniteTimeSpan));
        Assert.Equal(new RetryDecision(true, 2), retries.Failed(3, At(1000), maxRetries: 2, Timeout.InfiniteTimeSpan));
        Assert.Equal(new RetryDecision(false, 3), retries.Failed(3, At(99_000), maxRetries: 2, Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void Failed_NoRetries_FailsAtTheFirstFailure() =>
        Assert.Equal(new RetryDecision(false, 1), new ChunkRetries().Failed(0, At(0), maxRetries: 0, At(10)));

    [Fact]
    public void Failed_WithinTheWindow_CountsTowardsTheLimit()
    {
        var retries = new ChunkRetries();

        Assert.True(retries.Failed(0, At(0), maxRetries: 1, At(10)).Retry);
        Assert.Equal(new RetryDecision(false, 2), retries.Failed(0, At(10), maxRetries: 1, At(10)));
    }

    [Fact]
    public void Failed_AfterTheWindow_StartsANewCount()
    {
        var retries = new ChunkRetries();

        Assert.True(retries.Failed(0, At(0), maxRetries: 1, At(10)).Retry);
        // Past the window that opened at 0 s: a new one opens at 10.5 s and counts from 1.
        Assert.Equal(new RetryDecision(true, 2), retries.Failed(0, At(10.5), maxRetries: 1, At(10)));
        Assert.Equal(new RetryDecision(true, 3), retries.Failed(0, At(21), maxRetries: 1, At(10)));
        // Within the window that opened at 21 s.
        Assert.Equal(new RetryDecision(false, 4), retries.Failed(0, At(25), maxRetries: 1, At(10)));
    }

    [Fact]
    public void Failed_OtherChunks_CountApart()
    {
        var retries = new ChunkRetries();

        Assert.True(retries.Failed(0, At(0), maxRetries: 1, Timeout.InfiniteTimeSpan).Retry);
        Assert.Equal(new RetryDecision(true, 1), retries.Failed(1, At(0), maxRetries: 1, Timeout.InfiniteTimeSpan));
        Assert.False(retries.Failed(0, At(1), maxRetries: 1, Timeout.InfiniteTimeSpan).Retry);
    }
}
