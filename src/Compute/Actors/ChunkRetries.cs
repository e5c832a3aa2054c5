namespace ActorMap.Compute.Actors;

/// <summary>
/// A job's failed attempts per chunk, and whether a chunk may run again: Akka's OneForOneStrategy
/// rule (maxNrOfRetries within withinTimeRange, as its ChildRestartStats counts a child's
/// restarts), applied to a chunk instead of a child. A window opens at a chunk's first failure;
/// a failure after it has passed opens the next one and counts from 1 again. The times are the
/// caller's (Akka's scheduler clock in the router), so specs can pass their own.
/// </summary>
internal sealed class ChunkRetries
{
    private readonly Dictionary<int, State> _chunks = [];

    /// <summary>Counts a failure of <paramref name="chunk"/> at <paramref name="now"/>.</summary>
    public RetryDecision Failed(int chunk, TimeSpan now, int maxRetries, TimeSpan within)
    {
        if (!_chunks.TryGetValue(chunk, out var state))
        {
            state = new State(now);
            _chunks[chunk] = state;
        }
        else if (within != Timeout.InfiniteTimeSpan && now - state.WindowStart > within)
        {
            state.WindowStart = now;
            state.InWindow = 0;
        }
        state.Attempts++;
        state.InWindow++;
        return new RetryDecision(state.InWindow <= maxRetries, state.Attempts);
    }

    private sealed class State(TimeSpan windowStart)
    {
        public TimeSpan WindowStart { get; set; } = windowStart;

        public int InWindow { get; set; }

        public int Attempts { get; set; }
    }
}

/// <param name="Retry">True when the chunk may run again; false fails the job.</param>
/// <param name="Attempts">The chunk's failed attempts in this job, windows or not: what the error reports.</param>
internal readonly record struct RetryDecision(bool Retry, int Attempts);
