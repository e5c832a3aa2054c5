using ActorMap.Hocon;

namespace ActorMap.Hosting.Nodes;

/// <summary>
/// What a WorkerNode does when the cluster downs it (cut off from the Seed, frozen past the
/// failure detector, or the Seed gone): start again in the same process as a new incarnation,
/// after a back-off that doubles from <see cref="MinBackoff"/> up to <see cref="MaxBackoff"/>, so
/// a Seed that is down for long is not hammered. Off: the node exits 1 and a restart policy
/// (docker-compose, Kubernetes) brings it back instead.
/// </summary>
public sealed record RejoinPolicy(bool Enabled, TimeSpan MinBackoff, TimeSpan MaxBackoff)
{
    public static readonly RejoinPolicy Default = new(true, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    /// <exception cref="ArgumentException">A back-off is not positive, or the minimum exceeds the maximum.</exception>
    public static RejoinPolicy From(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var policy = new RejoinPolicy(
            config.GetBoolean("actormap.worker.rejoin.enabled", Default.Enabled),
            config.GetTimeSpan("actormap.worker.rejoin.min-backoff", Default.MinBackoff),
            config.GetTimeSpan("actormap.worker.rejoin.max-backoff", Default.MaxBackoff));
        if (policy.MinBackoff <= TimeSpan.Zero || policy.MaxBackoff < policy.MinBackoff)
        {
            throw new ArgumentException(
                $"actormap.worker.rejoin: min-backoff ({policy.MinBackoff}) must be positive and at most max-backoff ({policy.MaxBackoff})");
        }
        return policy;
    }

    /// <summary>The wait before the <paramref name="attempt"/>th rejoin in a row (0 first).</summary>
    public TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, MinBackoff.Ticks * (1L << Math.Min(attempt, 20))));
}
