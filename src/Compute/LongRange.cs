using System.Globalization;

namespace ActorMap.Compute;

/// <summary>
/// The integers <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive), as C#'s
/// <c>0..1000</c>. A range is split into sub-ranges and never materialised whole.
/// </summary>
public readonly record struct LongRange
{
    public LongRange(long start, long end)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, $"range end {end} is before its start {start}");
        }
        Start = start;
        End = end;
    }

    public long Start { get; }

    public long End { get; }

    public long Length => End - Start;

    /// <summary>Parses <c>A..B</c> (end exclusive); integers may be negative.</summary>
    public static bool TryParse(string? text, out LongRange range)
    {
        range = default;
        var dots = text?.IndexOf("..", StringComparison.Ordinal) ?? -1;
        if (text is null || dots <= 0
            || !long.TryParse(text.AsSpan(0, dots), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var start)
            || !long.TryParse(text.AsSpan(dots + 2), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var end)
            || end < start)
        {
            return false;
        }
        range = new LongRange(start, end);
        return true;
    }

    public override string ToString() => $"{Start}..{End}";
}
