namespace ActorMap.Hocon.Values;

/// <summary>
/// A node of a HOCON tree. Parsed trees may hold unresolved nodes (substitutions,
/// concatenations, delayed merges); a resolved tree holds only objects, arrays and scalars.
/// </summary>
internal abstract class HoconNode
{
    /// <summary>True for nodes whose value is only known after substitution.</summary>
    public virtual bool IsUnresolved => false;
}
