namespace ActorMap.Runtime.Scheduling;

internal sealed class ScheduledItem(TimerScheduler owner, Action action, bool once) : ICancelable
{
    private ITimer? _timer;
    private int _cancelled;
    private int _fired;

    public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

    public void Start(TimeProvider clock, TimeSpan delay, TimeSpan period)
    {
        var timer = clock.CreateTimer(static state => ((ScheduledItem)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer = timer;
        // Arm only after _timer is set, so a zero delay cannot fire before Cancel can reach it.
        timer.Change(delay, period);
        if (IsCancellationRequested)
        {
            timer.Dispose();
        }
    }

    private void Fire()
    {
        if (IsCancellationRequested || (once && Interlocked.Exchange(ref _fired, 1) != 0))
        {
            return;
        }
        owner.Run(this, action);
        if (once)
        {
            Cancel();
        }
    }

    public void Cancel()
    {
        if (Interlocked.Exchange(ref _cancelled, 1) == 0)
        {
            _timer?.Dispose();
            owner.Forget(this);
        }
    }
}
