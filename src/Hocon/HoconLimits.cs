namespace ActorMap.Hocon;

/// <summary>
/// Bounds that keep hostile or broken input from overflowing the stack or running forever.
/// Real configs stay far below all of them.
/// </summary>
internal static class HoconLimits
{
    /// <summary>Objects and arrays nested in one another, counting dotted key elements and includes.</summary>
    public const int MaxNesting = 256;

    public const int MaxIncludeDepth = 32;

    /// <summary>Nested resolution steps: tree depth plus chained substitutions.</summary>
    public const int MaxResolveDepth = 1000;

    /// <summary>Unresolved values stacked on one key (e.g. many <c>a = ${a} [x]</c> lines).</summary>
    public const int MaxMergeChain = 512;

    /// <summary>Characters and elements that resolution may create; stops self-doubling concatenations.</summary>
    public const long MaxResolveBudget = 64L * 1024 * 1024;

    /// <summary>Characters a rendering may produce; a small tree can share one subtree exponentially often.</summary>
    public const int MaxRenderedChars = 256 * 1024 * 1024;
}
