namespace ActorMap.Hocon.Values;

/// <summary>Where something was written: file (null for a string), 1-based line and column.</summary>
internal readonly record struct SourcePosition(string? File, int Line, int Column)
{
    public override string ToString() => $"{File ?? "<string>"}:{Line}:{Column}";
}
