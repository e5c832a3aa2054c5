using System.Globalization;

namespace ActorMap.Hocon.Units;

/// <summary>
/// Splits "optional whitespace, a number, optional whitespace, an optional unit name" (spec
/// "Units format") into its number and unit.
/// </summary>
internal static class UnitText
{
    public static bool TrySplit(string text, out double number, out string unit)
    {
        var span = text.AsSpan().Trim();
        var unitStart = span.Length;
        while (unitStart > 0 && char.IsLetter(span[unitStart - 1]))
        {
            unitStart--;
        }

        unit = span[unitStart..].ToString();
        var digits = span[..unitStart].TrimEnd();
        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
    }
}
