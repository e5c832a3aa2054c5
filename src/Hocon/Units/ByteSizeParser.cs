namespace ActorMap.Hocon.Units;

/// <summary>
/// Sizes in bytes (spec "Size in bytes format"): a bare number is bytes; kB, MB, ... are
/// powers of ten; K, Ki, KiB, M, MiB, ... are powers of two, as are single letters.
/// </summary>
internal static class ByteSizeParser
{
    private static readonly (string[] Names, double Factor)[] s_units = Build();

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        if (!UnitText.TrySplit(text, out var number, out var unit))
        {
            return false;
        }

        foreach (var (names, factor) in s_units)
        {
            if (Array.IndexOf(names, unit) < 0)
            {
                continue;
            }

            var value = Math.Round(number * factor);
            if (value >= long.MaxValue || value < long.MinValue)
            {
                return false;
            }

            bytes = (long)value;
            return true;
        }

        return false;
    }

    private static (string[] Names, double Factor)[] Build()
    {
        var units = new List<(string[], double)> { (["", "B", "b", "byte", "bytes"], 1) };
        string[] decimalPrefixes = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] binaryPrefixes = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        const string letters = "KMGTPEZY";
        for (var i = 0; i < letters.Length; i++)
        {
            var upper = letters[i].ToString();
            var lower = char.ToLowerInvariant(letters[i]).ToString();
            var decimalShort = (i == 0 ? "k" : upper) + "B";
            units.Add(([decimalShort, decimalPrefixes[i] + "byte", decimalPrefixes[i] + "bytes"], Math.Pow(1000, i + 1)));
            units.Add(([upper, lower, upper + "i", upper + "iB", binaryPrefixes[i] + "byte", binaryPrefixes[i] + "bytes"], Math.Pow(1024, i + 1)));
        }

        return [.. units];
    }
}
