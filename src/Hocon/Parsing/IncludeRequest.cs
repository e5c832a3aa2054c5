using ActorMap.Hocon.Values;

namespace ActorMap.Hocon.Parsing;

/// <summary>One include statement: what it names, where it stands and at which path.</summary>
internal sealed record IncludeRequest(
    string Name,
    IncludeKind Kind,
    bool Required,
    SourcePosition Position,
    string[]? Prefix,
    int Depth);
