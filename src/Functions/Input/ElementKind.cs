namespace ActorMap.Functions.Input;

/// <summary>The C# type of one input element, as the JSON input (or a range) decides it.</summary>
internal enum ElementKind
{
    Long,
    Double,
    String,
    LongRow,
    DoubleRow,
    StringRow,
}

internal static class ElementKindExtensions
{
    /// <summary>The type as written in C# source, for the lambda's generated wrapper.</summary>
    public static string CSharpName(this ElementKind kind) => kind switch
    {
        ElementKind.Long => "long",
        ElementKind.Double => "double",
        ElementKind.String => "string",
        ElementKind.LongRow => "long[]",
        ElementKind.DoubleRow => "double[]",
        ElementKind.StringRow => "string[]",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static Type ClrType(this ElementKind kind) => kind switch
    {
        ElementKind.Long => typeof(long),
        ElementKind.Double => typeof(double),
        ElementKind.String => typeof(string),
        ElementKind.LongRow => typeof(long[]),
        ElementKind.DoubleRow => typeof(double[]),
        ElementKind.StringRow => typeof(string[]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The inverse of <see cref="CSharpName"/>, for an element type that came over the wire.</summary>
    public static ElementKind ParseCSharpName(string name) =>
        TryParseCSharpName(name, out var kind) ? kind : throw new UsageException($"unknown element type '{name}'");

    /// <summary>The same without throwing, for decoders that report bad input their own way.</summary>
    public static bool TryParseCSharpName(string name, out ElementKind kind)
    {
        ElementKind? parsed = name switch
        {
            "long" => ElementKind.Long,
            "double" => ElementKind.Double,
            "string" => ElementKind.String,
            "long[]" => ElementKind.LongRow,
            "double[]" => ElementKind.DoubleRow,
            "string[]" => ElementKind.StringRow,
            _ => null,
        };
        kind = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    public static ElementKind RowOf(this ElementKind scalar) => scalar switch
    {
        ElementKind.Long => ElementKind.LongRow,
        ElementKind.Double => ElementKind.DoubleRow,
        ElementKind.String => ElementKind.StringRow,
        _ => throw new ArgumentOutOfRangeException(nameof(scalar), scalar, "rows hold scalars only"),
    };
}
