using ActorMap.Hocon.Includes;

namespace ActorMap.Hocon.Parsing;

/// <summary>
/// What a parse of one document needs to know about where it sits: its file (for errors and
/// relative includes), the include chain (for cycle detection), the path it is included at,
/// and how deep the including document already nests.
/// </summary>
internal sealed class ParseContext
{
    private ParseContext(string? file, IncludeChain? chain, string[]? prefix, int baseDepth)
    {
        File = file;
        Chain = chain;
        Prefix = prefix;
        BaseDepth = baseDepth;
    }

    public string? File { get; }

    public IncludeChain? Chain { get; }

    public string[]? Prefix { get; }

    public int BaseDepth { get; }

    public int IncludeDepth => Chain?.Depth ?? 0;

    public static ParseContext ForText() => new(null, null, null, 0);

    public static ParseContext ForFile(string fullPath) => new(fullPath, new IncludeChain(fullPath, null), null, 0);

    public ParseContext ForInclude(string fullPath, string[]? prefix, int depth) =>
        new(fullPath, new IncludeChain(fullPath, Chain), prefix, depth);
}
