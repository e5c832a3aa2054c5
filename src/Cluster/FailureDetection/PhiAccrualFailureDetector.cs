namespace ActorMap.Cluster.FailureDetection;

/// <summary>
/// The phi accrual failure detector (Hayashibara, Défago, Yared, Katayama, "The φ Accrual Failure
/// Detector", SRDS 2004). Instead of a yes/no timeout it reports a suspicion level
/// <c>phi = -log10(1 - F(t))</c>, where t is the time since the last heartbeat and F the
/// cumulative distribution of past inter-arrival times, modelled as a normal distribution whose
/// mean is padded by the acceptable pause. A node is considered unavailable once phi exceeds the
/// threshold. Not thread-safe: one owner (the cluster daemon) calls it.
/// </summary>
internal sealed class PhiAccrualFailureDetector
{
    private readonly FailureDetectorSettings _settings;
    private readonly TimeProvider _clock;
    private readonly HeartbeatHistory _history;
    private long? _lastTimestamp;

    public PhiAccrualFailureDetector(FailureDetectorSettings settings, TimeProvider clock)
    {
        _settings = settings;
        _clock = clock;
        _history = new HeartbeatHistory(settings.MaxSampleSize);
        // Seed the history with a guess so the first real interval is judged sensibly.
        var first = settings.FirstHeartbeatEstimate.TotalMilliseconds;
        var deviation = first / 4;
        _history.Add(first - deviation);
        _history.Add(first + deviation);
    }

    /// <summary>True once at least one heartbeat has arrived.</summary>
    public bool IsMonitoring => _lastTimestamp is not null;

    public bool IsAvailable => Phi() < _settings.Threshold;

    public void Heartbeat()
    {
        var now = _clock.GetTimestamp();
        if (_lastTimestamp is { } last)
        {
            var interval = _clock.GetElapsedTime(last, now).TotalMilliseconds;
            // A gap far beyond the usual is an outage, not a sample of normal behaviour.
            if (IsAvailableAt(now))
            {
                _history.Add(interval);
            }
        }
        _lastTimestamp = now;
    }

    public double Phi() => _lastTimestamp is null ? 0.0 : PhiAt(_clock.GetTimestamp());

    private bool IsAvailableAt(long timestamp) => PhiAt(timestamp) < _settings.Threshold;

    private double PhiAt(long timestamp)
    {
        if (_lastTimestamp is not { } last)
        {
            return 0.0;
        }
        var elapsed = _clock.GetElapsedTime(last, timestamp).TotalMilliseconds;
        var mean = _history.Mean + _settings.AcceptableHeartbeatPause.TotalMilliseconds;
        var deviation = Math.Max(_history.StandardDeviation, _settings.MinStdDeviation.TotalMilliseconds);
        return Phi(elapsed, mean, deviation);
    }

    /// <summary>
    /// -log10 of the probability that a heartbeat arrives later than <paramref name="elapsed"/>,
    /// using a logistic approximation of the normal CDF (error below 1e-4) that stays finite
    /// far into the tail, where 1 - erf would round to zero.
    /// </summary>
    internal static double Phi(double elapsed, double mean, double deviation)
    {
        var y = (elapsed - mean) / deviation;
        var exponent = -y * (1.5976 + (0.070566 * y * y));
        if (elapsed > mean)
        {
            // -log10(e / (1 + e)) computed in log space: e underflows to 0 far into the tail.
            return (-exponent / Math.Log(10)) + Math.Log10(1.0 + Math.Exp(exponent));
        }
        var e = Math.Exp(exponent);
        return -Math.Log10(1.0 - (1.0 / (1.0 + e)));
    }
}
