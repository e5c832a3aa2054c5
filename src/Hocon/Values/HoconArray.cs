namespace ActorMap.Hocon.Values;

/// <summary>An array node; elements keep their order.</summary>
internal sealed class HoconArray : HoconNode
{
    public HoconArray() => Items = [];

    public HoconArray(List<HoconNode> items) => Items = items;

    public List<HoconNode> Items { get; }
}
