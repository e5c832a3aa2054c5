namespace ActorMap.Hocon.Units;

/// <summary>
/// Durations as Akka writes them (spec "Duration format"): a bare number is milliseconds,
/// units are ns, us, ms, s, m, h, d with their long forms, and "infinite" means
/// <see cref="Timeout.InfiniteTimeSpan"/>.
/// </summary>
internal static class DurationParser
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        if (text.Trim() is "infinite" or "inf")
        {
            value = Timeout.InfiniteTimeSpan;
            return true;
        }

        if (!UnitText.TrySplit(text, out var number, out var unit))
        {
            return false;
        }

        double ticksPerUnit = unit switch
        {
            "ns" or "nano" or "nanos" or "nanosecond" or "nanoseconds" => 0.01,
            "us" or "micro" or "micros" or "microsecond" or "microseconds" => TimeSpan.TicksPerMicrosecond,
            "" or "ms" or "milli" or "millis" or "millisecond" or "milliseconds" => TimeSpan.TicksPerMillisecond,
            "s" or "second" or "seconds" => TimeSpan.TicksPerSecond,
            "m" or "minute" or "minutes" => TimeSpan.TicksPerMinute,
            "h" or "hour" or "hours" => TimeSpan.TicksPerHour,
            "d" or "day" or "days" => TimeSpan.TicksPerDay,
            _ => -1,
        };
        if (ticksPerUnit < 0)
        {
            return false;
        }

        var ticks = Math.Round(number * ticksPerUnit);
        if (ticks >= TimeSpan.MaxValue.Ticks || ticks <= TimeSpan.MinValue.Ticks)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)ticks);
        return true;
    }
}
