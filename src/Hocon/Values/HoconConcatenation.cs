namespace ActorMap.Hocon.Values;

/// <summary>
/// A value concatenation that involves substitutions, so its type (string, array or object)
/// is only known after resolution. Parts include unquoted whitespace between values.
/// </summary>
internal sealed class HoconConcatenation(List<HoconNode> parts, SourcePosition position) : HoconNode
{
    public List<HoconNode> Parts { get; } = parts;

    public SourcePosition Position { get; } = position;

    public override bool IsUnresolved => true;
}
