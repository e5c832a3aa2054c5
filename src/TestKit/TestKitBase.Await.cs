namespace ActorMap.TestKit;

public abstract partial class TestKitBase
{
    /// <summary>
    /// Retries <paramref name="assertion"/> every <paramref name="interval"/> until it stops
    /// throwing; after <paramref name="duration"/> the last failure is rethrown.
    /// </summary>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        AwaitAssertCore(() =>
        {
            assertion();
            return Task.CompletedTask;
        }, duration, interval, sync: true).GetAwaiter().GetResult();
    }

    public Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null) =>
        AwaitAssertCore(assertion, duration, interval, sync: false).AsTask();

    public Task AwaitAssertAsync(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null) =>
        AwaitAssertCore(() =>
        {
            assertion();
            return Task.CompletedTask;
        }, duration, interval, sync: false).AsTask();

    /// <summary>Waits until <paramref name="condition"/> holds, failing after <paramref name="duration"/>.</summary>
    public void AwaitCondition(Func<bool> condition, TimeSpan? duration = null, TimeSpan? interval = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        AwaitAssert(() =>
        {
            if (!condition())
            {
                throw Failure($"Condition not met: {message ?? "AwaitCondition"}");
            }
        }, duration, interval);
    }

    private async ValueTask AwaitAssertCore(Func<Task> assertion, TimeSpan? duration, TimeSpan? interval, bool sync)
    {
        var deadline = Deadline.After(RemainingOrDilated(duration));
        var pause = interval ?? TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                var attempt = assertion();
                if (sync)
                {
                    attempt.GetAwaiter().GetResult();
                }
                else
                {
                    await attempt.ConfigureAwait(false);
                }
                return;
            }
            catch (Exception) when (!deadline.IsOverdue)
            {
                // The poll interval between attempts; each round re-checks the real condition,
                // so this never waits "long enough" for something to happen.
                var wait = pause < deadline.TimeLeft ? pause : deadline.TimeLeft;
                if (sync)
                {
                    Thread.Sleep(wait);
                }
                else
                {
                    await Task.Delay(wait).ConfigureAwait(false);
                }
            }
        }
    }
}
