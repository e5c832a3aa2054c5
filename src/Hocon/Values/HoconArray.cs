namespace ActorMap.Hocon.Values;

/// <summary>An array node; elements keep their order.</summary>
internal sealed class HoconArray : HoconNode
{
    public HoconArray() => Items = [];

    public HoconArray(List<HoconNode> items) => Items = items;

    public List<HoconNode> Items { get; }

    /// <summary>True when some element is unresolved; computed on first use, after the parser is done with the array.</summary>
    public bool NeedsResolution
    {
        get
        {
            if (_state == 0)
            {
                _state = Items.TrueForAll(IsSettled) ? 1 : 2;
            }

            return _state == 2;
        }
    }

    private int _state;
}
