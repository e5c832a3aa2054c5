namespace ActorMap.Functions;

internal enum ReduceKind
{
    None,
    Sum,
    Min,
    Max,
    Count,
    Lambda,

    /// <summary>A reducer delegate bound to the function (<see cref="TypedFunction.WithFold"/>).</summary>
    Fold,
}

/// <summary>What --reduce asked for: nothing, a built-in reducer, or a C# lambda over two results.</summary>
internal sealed record ReduceChoice(ReduceKind Kind, string? LambdaSource = null)
{
    public static readonly ReduceChoice None = new(ReduceKind.None);

    public static readonly ReduceChoice Fold = new(ReduceKind.Fold);

    /// <summary>The name as the user wrote it, for messages.</summary>
    public string Name => Kind == ReduceKind.Lambda ? LambdaSource! : Kind.ToString().ToLowerInvariant();

    public static ReduceChoice Parse(string? text) => text?.Trim() switch
    {
        null => None,
        "sum" => new(ReduceKind.Sum),
        "min" => new(ReduceKind.Min),
        "max" => new(ReduceKind.Max),
        "count" => new(ReduceKind.Count),
        var t when t.Contains("=>", StringComparison.Ordinal) => new(ReduceKind.Lambda, text),
        _ => throw new UsageException(
            $"unknown --reduce '{text}': use sum, min, max, count or a lambda such as \"(a, b) => a + b\""),
    };
}
