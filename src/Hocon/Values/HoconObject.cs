namespace ActorMap.Hocon.Values;

/// <summary>
/// An object node. The parser owns the objects it builds and merges duplicate keys
/// into them in place; once a tree is handed to a config it is never mutated again.
/// </summary>
internal sealed class HoconObject : HoconNode
{
    private readonly Dictionary<string, HoconNode> _fields;

    public HoconObject() => _fields = new Dictionary<string, HoconNode>(StringComparer.Ordinal);

    public HoconObject(int capacity, bool ignoresFallbacks = false)
        : this(new Dictionary<string, HoconNode>(capacity, StringComparer.Ordinal), ignoresFallbacks)
    {
    }

    private HoconObject(Dictionary<string, HoconNode> fields, bool ignoresFallbacks)
    {
        _fields = fields;
        IgnoresFallbacks = ignoresFallbacks;
        foreach (var value in fields.Values)
        {
            NeedsResolution |= !IsSettled(value);
        }
    }

    /// <summary>
    /// Set once this object has replaced a non-object value: "an intermediate non-object value
    /// hides earlier object values", so later fallbacks must not merge into it.
    /// </summary>
    public bool IgnoresFallbacks { get; }

    /// <summary>The same fields, marked to ignore further fallbacks; shares the (frozen) field table.</summary>
    public HoconObject WithIgnoredFallbacks() => IgnoresFallbacks ? this : new HoconObject(_fields, ignoresFallbacks: true);

    /// <summary>Fields in insertion order (no field is ever removed, so the dictionary keeps it).</summary>
    public Dictionary<string, HoconNode> Fields => _fields;

    public int Count => _fields.Count;

    /// <summary>
    /// Conservatively true when some value below is unresolved; resolution skips whole plain
    /// subtrees without memoizing them. Kept up to date by every write.
    /// </summary>
    public bool NeedsResolution { get; private set; }

    public bool TryGet(string key, out HoconNode value) => _fields.TryGetValue(key, out value!);

    /// <summary>Sets a field, replacing any previous value without merging.</summary>
    public void Set(string key, HoconNode value)
    {
        _fields[key] = value;
        NeedsResolution |= !HoconNode.IsSettled(value);
    }

    /// <summary>Adds a field the way a duplicate key in one file does (spec "Duplicate keys").</summary>
    public void SetMerged(string key, HoconNode value)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_fields, key, out var exists);
        slot = exists ? NodeMerger.MergeOwned(slot!, value) : value;
        NeedsResolution |= !HoconNode.IsSettled(slot);
    }
}
