using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorMap.Functions;

/// <summary>
/// An integer wider than Int128, written as a plain JSON number. System.Text.Json writes a
/// BigInteger as an object of its properties, so the converter is attached to the type: the
/// Seed's and the console's serializer options both write it right without knowing of it.
/// </summary>
[JsonConverter(typeof(ExactIntegerJsonConverter))]
internal readonly record struct ExactInteger(BigInteger Value)
{
    /// <summary>The value in the narrowest of long, Int128 and ExactInteger that holds it.</summary>
    public static JobOutcome Outcome(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue ? new JobOutcome((long)value, typeof(long))
        : value >= Int128.MinValue && value <= Int128.MaxValue ? new JobOutcome((Int128)value, typeof(Int128))
        : new JobOutcome(new ExactInteger(value), typeof(ExactInteger));

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

internal sealed class ExactIntegerJsonConverter : JsonConverter<ExactInteger>
{
    public override ExactInteger Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"expected an integer, found {reader.TokenType}");
        }
        var digits = reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence) : Encoding.UTF8.GetString(reader.ValueSpan);
        return new ExactInteger(BigInteger.Parse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    public override void Write(Utf8JsonWriter writer, ExactInteger value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.ToString(), skipInputValidation: true);
}
