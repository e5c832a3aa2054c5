using System.Diagnostics;

namespace ActorMap.TestKit;

public abstract partial class TestKitBase
{
    /// <summary>
    /// Runs <paramref name="action"/>; the Expect calls inside default to the time left until
    /// <paramref name="max"/> (dilated), and the block must finish within it.
    /// </summary>
    public void Within(TimeSpan max, Action action) => Within(TimeSpan.Zero, max, action);

    public void Within(TimeSpan min, TimeSpan max, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        WithinCore(min, max, () =>
        {
            action();
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
    }

    public T Within<T>(TimeSpan max, Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var result = default(T)!;
        Within(TimeSpan.Zero, max, () => result = function());
        return result;
    }

    public Task WithinAsync(TimeSpan max, Func<Task> action) => WithinCore(TimeSpan.Zero, max, action);

    public Task WithinAsync(TimeSpan min, TimeSpan max, Func<Task> action) => WithinCore(min, max, action);

    private async Task WithinCore(TimeSpan min, TimeSpan max, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var start = Stopwatch.GetTimestamp();
        var dilatedMax = Dilated(max);
        var outer = _deadline;
        var allowed = outer is null ? dilatedMax : Min(dilatedMax, Remaining);
        _deadline = start + (long)(allowed.TotalSeconds * Stopwatch.Frequency);
        try
        {
            await action().ConfigureAwait(false);
        }
        finally
        {
            _deadline = outer;
        }
        var elapsed = Stopwatch.GetElapsedTime(start);
        if (elapsed < min)
        {
            throw Failure($"Within: block finished after {elapsed}, earlier than the minimum {min}");
        }
        if (elapsed > allowed + TimeSpan.FromMilliseconds(100 * TestKitSettings.TimeFactor))
        {
            throw Failure($"Within: block took {elapsed}, more than the maximum {allowed}");
        }
    }
}
