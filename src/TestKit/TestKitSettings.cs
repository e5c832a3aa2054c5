using System.Globalization;

namespace ActorMap.TestKit;

/// <summary>
/// Default timeouts of the TestKit, all multiplied by <see cref="TimeFactor"/>: set
/// <c>ACTORMAP_TEST_TIMEFACTOR=3</c> on a slow or loaded machine to stretch every one of them.
/// </summary>
public sealed record TestKitSettings
{
    public const string TimeFactorVariable = "ACTORMAP_TEST_TIMEFACTOR";

    private double? _timeFactor;

    /// <summary>Set in code, or read from <see cref="TimeFactorVariable"/> on first use; at least 1.</summary>
    public double TimeFactor
    {
        get => _timeFactor ??= ReadTimeFactor();
        init => _timeFactor = value >= 1.0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(TimeFactor), value, "the time factor must be at least 1");
    }

    /// <summary>How long an ExpectMsg waits when given no timeout and not inside Within.</summary>
    public TimeSpan SingleExpectDefault { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long ExpectNoMsg watches when given no duration.</summary>
    public TimeSpan ExpectNoMessageDefault { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How long an EventFilter waits for its events after the block has run.</summary>
    public TimeSpan EventFilterLeeway { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan Dilated(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan ? duration : TimeSpan.FromTicks((long)(duration.Ticks * TimeFactor));

    private static double ReadTimeFactor()
    {
        var text = Environment.GetEnvironmentVariable(TimeFactorVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return 1.0;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || factor < 1.0)
        {
            throw new InvalidOperationException($"{TimeFactorVariable}='{text}' must be a number >= 1");
        }
        return factor;
    }
}
