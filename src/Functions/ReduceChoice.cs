namespace ActorMap.Functions;

internal enum ReduceKind
{
    None,
    Sum,
    Min,
    Max,
    Count,
    Lambda,

    /// <summary>A public static method of the user's assembly (map --assembly), bound before the job runs.</summary>
    Method,

    /// <summary>A reducer delegate bound to the function (<see cref="TypedFunction.WithFold"/>).</summary>
    Fold,
}

/// <summary>What --reduce asked for: nothing, a built-in reducer, a C# lambda over two results, or a method.</summary>
internal sealed record ReduceChoice(ReduceKind Kind, string? LambdaSource = null)
{
    public static readonly ReduceChoice None = new(ReduceKind.None);

    public static readonly ReduceChoice Fold = new(ReduceKind.Fold);

    /// <summary>The method's name as the user wrote it (Type.Method or Method), when <see cref="Kind"/> is <see cref="ReduceKind.Method"/>.</summary>
    public string? MethodName { get; init; }

    /// <summary>The name as the user wrote it, for messages.</summary>
    public string Name => Kind switch
    {
        ReduceKind.Lambda => LambdaSource!,
        ReduceKind.Method => MethodName!,
        _ => Kind.ToString().ToLowerInvariant(),
    };

    public static ReduceChoice Parse(string? text) => Builtin(text) ?? text?.Trim() switch
    {
        var t when t is not null && t.Contains("=>", StringComparison.Ordinal) => new(ReduceKind.Lambda, text),
        _ => throw new UsageException(
            $"unknown --reduce '{text}': use sum, min, max, count or a lambda such as \"(a, b) => a + b\""),
    };

    /// <summary>
    /// --reduce beside --assembly: a built-in name or a static method of that assembly. A lambda
    /// is refused because it is compiled alone, where the assembly's types are not in scope.
    /// </summary>
    public static ReduceChoice ParseForAssembly(string? text) => Builtin(text) ?? text!.Trim() switch
    {
        var t when t.Contains("=>", StringComparison.Ordinal) => throw new UsageException(
            $"--reduce '{text}': a lambda cannot see the types of --assembly; use sum, min, max, count or a public static method of the assembly, such as --reduce Type.Method"),
        var t when t.Length == 0 => throw new UsageException("--reduce is empty: use sum, min, max, count or Type.Method"),
        var t => new(ReduceKind.Method) { MethodName = t },
    };

    private static ReduceChoice? Builtin(string? text) => text?.Trim() switch
    {
        null => None,
        "sum" => new(ReduceKind.Sum),
        "min" => new(ReduceKind.Min),
        "max" => new(ReduceKind.Max),
        "count" => new(ReduceKind.Count),
        _ => null,
    };
}
