using System.Diagnostics;

namespace ActorMap.TestKit;

/// <summary>A point in real (Stopwatch) time; infinite when built from an infinite timeout.</summary>
internal readonly record struct Deadline(long Start, TimeSpan Total)
{
    public static Deadline After(TimeSpan total) => new(Stopwatch.GetTimestamp(), total);

    public TimeSpan TimeLeft
    {
        get
        {
            if (Total == Timeout.InfiniteTimeSpan)
            {
                return Total;
            }
            var left = Total - Stopwatch.GetElapsedTime(Start);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public bool IsOverdue => Total != Timeout.InfiniteTimeSpan && TimeLeft == TimeSpan.Zero;
}
