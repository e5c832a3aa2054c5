using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Supervision;

/// <summary>
/// A child and the count of restarts inside the current time window. Read and written only on
/// the parent's turn.
/// </summary>
internal sealed class ChildRestartStats(IActorRef child)
{
    private long _windowStartTimestamp = -1;

    public IActorRef Child { get; } = child;

    public int RetriesInWindow { get; private set; }

    public bool IsStopping { get; set; }

    /// <summary>
    /// Akka's rule: with no window, allow <paramref name="maxNrOfRetries"/> restarts in all; with a
    /// window, allow that many inside it and start a fresh window once it has passed.
    /// A negative count means unlimited without a window, and one per window with one.
    /// </summary>
    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan withinTimeRange, TimeProvider clock)
    {
        var hasWindow = withinTimeRange > TimeSpan.Zero && withinTimeRange != Timeout.InfiniteTimeSpan;
        if (!hasWindow)
        {
            if (maxNrOfRetries < 0)
            {
                return true;
            }
            RetriesInWindow++;
            return RetriesInWindow <= maxNrOfRetries;
        }
        var allowed = maxNrOfRetries < 0 ? 1 : maxNrOfRetries;
        var now = clock.GetTimestamp();
        if (_windowStartTimestamp < 0)
        {
            _windowStartTimestamp = now;
        }
        RetriesInWindow++;
        if (clock.GetElapsedTime(_windowStartTimestamp, now) <= withinTimeRange)
        {
            return RetriesInWindow <= allowed;
        }
        _windowStartTimestamp = now;
        RetriesInWindow = 1;
        return allowed >= 1;
    }
}
