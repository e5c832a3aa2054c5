namespace ActorMap.Hocon.Values;

/// <summary>
/// A node of a HOCON tree. Parsed trees may hold unresolved nodes (substitutions,
/// concatenations, delayed merges); a resolved tree holds only objects, arrays and scalars.
/// </summary>
internal abstract class HoconNode
{
    /// <summary>True for nodes whose value is only known after substitution.</summary>
    public virtual bool IsUnresolved => false;

    /// <summary>True for a value that resolution would return unchanged.</summary>
    public static bool IsSettled(HoconNode node) => node switch
    {
        HoconScalar => true,
        HoconObject obj => !obj.NeedsResolution,
        HoconArray array => !array.NeedsResolution,
        _ => false,
    };
}
