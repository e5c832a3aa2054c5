namespace ActorMap.Hocon.Parsing;

/// <summary>How an include statement names its resource (spec "Include syntax").</summary>
internal enum IncludeKind
{
    /// <summary><c>include "name"</c>: a file adjacent to the including one.</summary>
    Heuristic,

    File,

    /// <summary><c>classpath(...)</c> and <c>url(...)</c>; there is no classpath here and URLs are not fetched.</summary>
    Unsupported,
}
