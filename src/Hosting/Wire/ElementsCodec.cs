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

    /// <summary>A job's input from its first message and the parts that followed, appended in order.</summary>
    public static MapInput ToInput(Elements first, IReadOnlyList<Elements> parts)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            return ToInput(first);
        }
        if (first.ValuesCase == Elements.ValuesOneofCase.Range)
        {
            throw new InvalidOperationException("a range input comes whole, not in parts");
        }
        var kind = ElementKindExtensions.ParseCSharpName(first.ElementType);
        var arrays = new List<Array> { ToArray(first) };
        foreach (var part in parts)
        {
            if (part.ElementType != first.ElementType)
            {
                throw new InvalidOperationException($"an input part of {part.ElementType} follows elements of {first.ElementType}");
            }
            arrays.Add(ToArray(part));
        }
        var all = Array.CreateInstance(kind.ClrType(), arrays.Sum(a => (long)a.Length));
        var offset = 0L;
        foreach (var array in arrays)
        {
            Array.Copy(array, 0, all, offset, array.Length);
            offset += array.Length;
        }
        return new ListMapInput(kind, all);
    }

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
