using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Scheduling;

/// <summary>
/// One <see cref="ITimer"/> per scheduled item from the injected <see cref="TimeProvider"/>, so a
/// manual clock fires them deterministically. A faulting action is reported, never rethrown
/// onto the timer thread.
/// </summary>
internal sealed class TimerScheduler(TimeProvider timeProvider, Action<Exception> onActionFailure) : IScheduler, IDisposable
{
    private readonly HashSet<ScheduledItem> _live = [];
    private readonly Lock _lock = new();
    private bool _disposed;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public ICancelable ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Schedule(delay, Timeout.InfiniteTimeSpan, () => receiver.Tell(message, sender));
    }

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        ValidateInterval(interval);
        return Schedule(initialDelay, interval, () => receiver.Tell(message, sender));
    }

    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Schedule(delay, Timeout.InfiniteTimeSpan, action);
    }

    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ValidateInterval(interval);
        return Schedule(initialDelay, interval, action);
    }

    private static void ValidateInterval(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "a repeating interval must be positive");
        }
    }

    private ScheduledItem Schedule(TimeSpan delay, TimeSpan period, Action action)
    {
        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }
        var item = new ScheduledItem(this, action, period == Timeout.InfiniteTimeSpan);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _live.Add(item);
        }
        item.Start(TimeProvider, delay, period);
        return item;
    }

    internal void Run(ScheduledItem item, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            onActionFailure(e);
        }
    }

    internal void Forget(ScheduledItem item)
    {
        lock (_lock)
        {
            _live.Remove(item);
        }
    }

    public void Dispose()
    {
        ScheduledItem[] items;
        lock (_lock)
        {
            _disposed = true;
            items = [.. _live];
            _live.Clear();
        }
        foreach (var item in items)
        {
            item.Cancel();
        }
    }
}
