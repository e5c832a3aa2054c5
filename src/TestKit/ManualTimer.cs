namespace ActorMap.TestKit;

internal sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
{
    private long _periodTicks;

    /// <summary>When the timer fires next, in clock ticks; null when disarmed.</summary>
    public long? DueTicks { get; private set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (clock.SyncRoot)
        {
            _periodTicks = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? 0 : period.Ticks;
            DueTicks = dueTime == Timeout.InfiniteTimeSpan ? null : clock.Now + Math.Max(0, dueTime.Ticks);
        }
        if (DueTicks is null)
        {
            clock.Unregister(this);
        }
        else
        {
            clock.Register(this);
        }
        return true;
    }

    /// <summary>Called under the clock's lock just before firing: move to the next period or disarm.</summary>
    public void Rearm()
    {
        if (_periodTicks > 0)
        {
            DueTicks += _periodTicks;
        }
        else
        {
            DueTicks = null;
        }
    }

    public void Invoke()
    {
        if (DueTicks is null)
        {
            clock.Unregister(this);
        }
        callback(state);
    }

    public void Dispose()
    {
        lock (clock.SyncRoot)
        {
            DueTicks = null;
        }
        clock.Unregister(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
