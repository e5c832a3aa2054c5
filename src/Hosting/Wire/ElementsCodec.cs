using ActorMap.Compute.Jobs;
using ActorMap.Functions.Input;
using ActorMap.Messages;
using ActorMap.Messages.Compute;
using Google.Protobuf;

namespace ActorMap.Hosting.Wire;

/// <summary>Chunk and job inputs as compute.proto's <see cref="Elements"/>: numbers packed, a range as its bounds. Reading them back is in ElementsCodec.Decode.cs.</summary>
internal static partial class ElementsCodec
{
    public static Elements FromChunk(ChunkInput input, string elementType) => input switch
    {
        RangeChunk range => new Elements { ElementType = elementType, Range = new RangeBounds { First = range.First, Count = range.Count } },
        ArrayChunk<long> longs => new Elements { ElementType = elementType, Longs = PackedArrays.FromLongs(longs.Items) },
        ArrayChunk<double> doubles => new Elements { ElementType = elementType, Doubles = PackedArrays.FromDoubles(doubles.Items) },
        ArrayChunk<string> strings => new Elements { ElementType = elementType, Strings = new StringList { Values = { strings.Items } } },
        ArrayChunk<long[]> rows => new Elements { ElementType = elementType, Rows = new Rows { Packed = { rows.Items.Select(r => PackedArrays.FromLongs(r)) } } },
        ArrayChunk<double[]> rows => new Elements { ElementType = elementType, Rows = new Rows { Packed = { rows.Items.Select(r => PackedArrays.FromDoubles(r)) } } },
        ArrayChunk<string[]> rows => new Elements { ElementType = elementType, Rows = new Rows { Strings = { rows.Items.Select(r => new StringList { Values = { r } }) } } },
        _ => throw new InvalidOperationException($"{input.GetType().Name} has no wire form"),
    };

    public static Elements FromInput(MapInput input) => input switch
    {
        RangeMapInput range => new Elements { ElementType = "long", Range = new RangeBounds { First = range.Range.Start, Count = range.Range.Length } },
        ListMapInput list => FromChunk(ArrayChunkOf(list.Items), list.Kind.CSharpName()),
        _ => throw new ArgumentOutOfRangeException(nameof(input)),
    };

    /// <summary>The input cut into parts of about <paramref name="partBytes"/> each, for a stream: the first, then the rest.</summary>
    public static (Elements First, List<Elements> Following) ToParts(MapInput input, int partBytes)
    {
        if (input is not ListMapInput list || list.Items.Length == 0)
        {
            return (FromInput(input), []);
        }
        var type = list.Kind.CSharpName();
        var bytesPerElement = Math.Max(1, FromChunk(ArrayChunkOf(Slice(list.Items, 0, Math.Min(64, list.Items.Length))), type).CalculateSize() / Math.Min(64, list.Items.Length));
        var perPart = Math.Max(1, partBytes / bytesPerElement);
        var parts = new List<Elements>();
        for (var start = 0; start < list.Items.Length; start += perPart)
        {
            parts.Add(FromChunk(ArrayChunkOf(Slice(list.Items, start, Math.Min(perPart, list.Items.Length - start))), type));
        }
        return (parts[0], parts.GetRange(1, parts.Count - 1));
    }

    private static Array Slice(Array items, int start, int count)
    {
        var slice = Array.CreateInstance(items.GetType().GetElementType()!, count);
        Array.Copy(items, start, slice, 0, count);
        return slice;
    }

    private static ChunkInput ArrayChunkOf(Array items) => items switch
    {
        long[] a => new ArrayChunk<long>(a),
        double[] a => new ArrayChunk<double>(a),
        string[] a => new ArrayChunk<string>(a),
        long[][] a => new ArrayChunk<long[]>(a),
        double[][] a => new ArrayChunk<double[]>(a),
        string[][] a => new ArrayChunk<string[]>(a),
        _ => throw new ArgumentOutOfRangeException(nameof(items), items.GetType().Name, "not an input array"),
    };
}
