namespace ActorMap.Hocon.Values;

/// <summary>
/// <c>${path}</c> or <c>${?path}</c>. Each instance is memoized on its own during resolution,
/// as the spec asks ("Memoization should be keyed by the substitution instance").
/// </summary>
internal sealed class HoconSubstitution(string[] path, bool optional, string[]? prefix, SourcePosition position) : HoconNode
{
    /// <summary>The path as written, relative to the root of the file it appears in.</summary>
    public string[] Path { get; } = path;

    public bool Optional { get; } = optional;

    /// <summary>
    /// Where the file was included, when it was; the path is looked up under this prefix
    /// first and then at the root (spec "Include semantics: substitution").
    /// </summary>
    public string[]? Prefix { get; } = prefix;

    public SourcePosition Position { get; } = position;

    public override bool IsUnresolved => true;

    public string PathText => PathFormatter.Format(Path);
}
