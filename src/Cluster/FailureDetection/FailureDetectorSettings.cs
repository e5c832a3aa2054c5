using ActorMap.Hocon;

namespace ActorMap.Cluster.FailureDetection;

/// <summary>The phi detector's settings, read once from <c>actormap.cluster.failure-detector</c>.</summary>
public sealed record FailureDetectorSettings(
    double Threshold,
    TimeSpan HeartbeatInterval,
    TimeSpan AcceptableHeartbeatPause,
    TimeSpan MinStdDeviation,
    int MaxSampleSize,
    TimeSpan FirstHeartbeatEstimate)
{
    public static FailureDetectorSettings From(HoconConfig failureDetector)
    {
        ArgumentNullException.ThrowIfNull(failureDetector);
        const string prefix = "actormap.cluster.failure-detector.";
        var settings = new FailureDetectorSettings(
            failureDetector.GetDouble("threshold"),
            failureDetector.GetTimeSpan("heartbeat-interval"),
            failureDetector.GetTimeSpan("acceptable-heartbeat-pause"),
            failureDetector.GetTimeSpan("min-std-deviation"),
            failureDetector.GetInt("max-sample-size"),
            failureDetector.GetTimeSpan("first-heartbeat-estimate"));
        Require(settings.Threshold > 0, prefix + "threshold", settings.Threshold, "must be positive");
        Require(settings.HeartbeatInterval > TimeSpan.Zero, prefix + "heartbeat-interval", settings.HeartbeatInterval, "must be positive");
        Require(settings.AcceptableHeartbeatPause >= TimeSpan.Zero, prefix + "acceptable-heartbeat-pause", settings.AcceptableHeartbeatPause, "must not be negative");
        Require(settings.MinStdDeviation > TimeSpan.Zero, prefix + "min-std-deviation", settings.MinStdDeviation, "must be positive");
        Require(settings.MaxSampleSize > 0, prefix + "max-sample-size", settings.MaxSampleSize, "must be positive");
        Require(settings.FirstHeartbeatEstimate > TimeSpan.Zero, prefix + "first-heartbeat-estimate", settings.FirstHeartbeatEstimate, "must be positive");
        return settings;
    }

    internal static void Require(bool condition, string key, object value, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"{key} = {value} {rule}");
        }
    }
}
