using ActorMap.Compute.Jobs;
using ActorMap.Functions.Input;
using ActorMap.Messages;
using ActorMap.Messages.Compute;
using Google.Protobuf;

namespace ActorMap.Hosting.Wire;

/// <summary>Chunk and job inputs as compute.proto's <see cref="Elements"/>: numbers packed, a range as its bounds.</summary>
internal static class ElementsCodec
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

    public static ChunkInput ToChunk(Elements elements) => elements.ValuesCase switch
    {
        Elements.ValuesOneofCase.Range => new RangeChunk(elements.Range.First, checked((int)elements.Range.Count)),
        _ => ArrayChunkOf(ToArray(elements)),
    };

    public static Elements FromInput(MapInput input) => input switch
    {
        RangeMapInput range => new Elements { ElementType = "long", Range = new RangeBounds { First = range.Range.Start, Count = range.Range.Length } },
        ListMapInput list => FromChunk(ArrayChunkOf(list.Items), list.Kind.CSharpName()),
        _ => throw new ArgumentOutOfRangeException(nameof(input)),
    };

    public static MapInput ToInput(Elements elements)
    {
        var kind = ElementKindExtensions.ParseCSharpName(elements.ElementType);
        return elements.ValuesCase == Elements.ValuesOneofCase.Range
            ? new RangeMapInput(new Compute.LongRange(elements.Range.First, checked(elements.Range.First + elements.Range.Count)))
            : new ListMapInput(kind, ToArray(elements));
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

    private static Array ToArray(Elements elements) => (elements.ValuesCase, elements.ElementType) switch
    {
        (Elements.ValuesOneofCase.Longs, _) => PackedArrays.AsLongs(elements.Longs).ToArray(),
        (Elements.ValuesOneofCase.Doubles, _) => PackedArrays.AsDoubles(elements.Doubles).ToArray(),
        (Elements.ValuesOneofCase.Strings, _) => elements.Strings.Values.ToArray(),
        (Elements.ValuesOneofCase.Rows, "long[]") => elements.Rows.Packed.Select(r => PackedArrays.AsLongs(r).ToArray()).ToArray(),
        (Elements.ValuesOneofCase.Rows, "double[]") => elements.Rows.Packed.Select(r => PackedArrays.AsDoubles(r).ToArray()).ToArray(),
        (Elements.ValuesOneofCase.Rows, "string[]") => elements.Rows.Strings.Select(r => r.Values.ToArray()).ToArray(),
        (Elements.ValuesOneofCase.None, "long") => Array.Empty<long>(),
        (Elements.ValuesOneofCase.None, "double") => Array.Empty<double>(),
        (Elements.ValuesOneofCase.None, "string") => Array.Empty<string>(),
        (Elements.ValuesOneofCase.None, "long[]") => Array.Empty<long[]>(),
        (Elements.ValuesOneofCase.None, "double[]") => Array.Empty<double[]>(),
        (Elements.ValuesOneofCase.None, "string[]") => Array.Empty<string[]>(),
        _ => throw new InvalidOperationException($"elements of type {elements.ElementType} cannot come as {elements.ValuesCase}"),
    };
}
