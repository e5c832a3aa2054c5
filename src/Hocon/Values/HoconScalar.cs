using System.Globalization;

namespace ActorMap.Hocon.Values;

/// <summary>
/// A string, number, boolean or null. Numbers keep the text they were written with,
/// because value concatenation and path expressions must reuse it (spec "Value concatenation").
/// </summary>
internal sealed class HoconScalar : HoconNode
{
    public static readonly HoconScalar Null = new(ScalarKind.Null, "null");
    public static readonly HoconScalar True = new(ScalarKind.Boolean, "true");
    public static readonly HoconScalar False = new(ScalarKind.Boolean, "false");

    private HoconScalar(ScalarKind kind, string text, bool isWhitespace = false)
    {
        Kind = kind;
        Text = text;
        IsConcatWhitespace = isWhitespace;
    }

    public ScalarKind Kind { get; }

    public string Text { get; }

    /// <summary>
    /// Unquoted whitespace between the parts of a concatenation: kept between strings,
    /// ignored between arrays or objects.
    /// </summary>
    public bool IsConcatWhitespace { get; }

    public static HoconScalar String(string text) => new(ScalarKind.String, text);

    public static HoconScalar Number(string text) => new(ScalarKind.Number, text);

    public static HoconScalar Whitespace(string text) => new(ScalarKind.String, text, isWhitespace: true);

    public bool TryGetLong(out long value)
    {
        if (long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (TryGetDouble(out var d) && Math.Floor(d) == d && d >= long.MinValue && d < long.MaxValue)
        {
            value = (long)d;
            return true;
        }

        return false;
    }

    public bool TryGetDouble(out double value) =>
        double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public override string ToString() => Text;
}
