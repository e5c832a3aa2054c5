using ActorMap.Compute.Jobs;
using ActorMap.Functions.Input;
using ActorMap.Messages;
using ActorMap.Messages.Compute;

namespace ActorMap.Hosting.Wire;

/// <summary>
/// Reading <see cref="Elements"/> that came over the network. Whatever the message holds, the
/// only exception is <see cref="FormatException"/> naming what is wrong, and nothing is allocated
/// beyond what the message itself carries: counts are checked before any array is made.
/// </summary>
internal static partial class ElementsCodec
{
    /// <summary>A chunk's input, from a RunChunk.</summary>
    /// <exception cref="FormatException">The elements are malformed.</exception>
    public static ChunkInput ToChunk(Elements elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        if (elements.ValuesCase != Elements.ValuesOneofCase.Range)
        {
            return ArrayChunkOf(ToArray(elements));
        }
        var (first, count) = RangeOf(elements);
        return count <= int.MaxValue
            ? new RangeChunk(first, (int)count)
            : throw new FormatException($"a chunk's range of {count} elements is larger than a chunk can be");
    }

    /// <summary>A job's input, when it came in one message.</summary>
    /// <exception cref="FormatException">The elements are malformed.</exception>
    public static MapInput ToInput(Elements elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        if (elements.ValuesCase != Elements.ValuesOneofCase.Range)
        {
            return new ListMapInput(KindOf(elements.ElementType), ToArray(elements));
        }
        var (first, count) = RangeOf(elements);
        return new RangeMapInput(new Compute.LongRange(first, first + count));
    }

    /// <summary>A job's input from its first message and the parts that followed, appended in order.</summary>
    /// <exception cref="FormatException">A part is malformed, of another element type, or the whole is larger than an array can be.</exception>
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
            throw new FormatException("a range input comes whole, not in parts");
        }
        var kind = KindOf(first.ElementType);
        // Counted from the messages before anything is copied: a total no array can hold is refused here.
        var total = Count(first);
        foreach (var part in parts)
        {
            if (part.ElementType != first.ElementType)
            {
                throw new FormatException($"an input part of {Quoted(part.ElementType)} follows elements of {first.ElementType}");
            }
            // A range's count is only claimed, and up to 2^63: two of them wrap the total round to
            // any size, which would be allocated before the range itself is refused.
            if (part.ValuesCase == Elements.ValuesOneofCase.Range)
            {
                throw new FormatException("a range cannot be one part of an input");
            }
            total += Count(part);
        }
        if (total > Array.MaxLength)
        {
            throw new FormatException($"{total} elements are more than one input can hold ({Array.MaxLength})");
        }
        var all = Array.CreateInstance(kind.ClrType(), total);
        var offset = 0L;
        foreach (var part in parts.Prepend(first))
        {
            var array = ToArray(part);
            Array.Copy(array, 0, all, offset, array.Length);
            offset += array.Length;
        }
        return new ListMapInput(kind, all);
    }

    /// <summary>How many elements a message carries, without decoding them.</summary>
    /// <exception cref="FormatException">The elements are malformed.</exception>
    public static long Count(Elements elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        var kind = KindOf(elements.ElementType);
        CheckShape(elements, kind);
        return elements.ValuesCase switch
        {
            Elements.ValuesOneofCase.Range => RangeOf(elements).Count,
            Elements.ValuesOneofCase.Longs => WholeNumberOf(elements.Longs.Length, sizeof(long), "long"),
            Elements.ValuesOneofCase.Doubles => WholeNumberOf(elements.Doubles.Length, sizeof(double), "double"),
            Elements.ValuesOneofCase.Strings => elements.Strings.Values.Count,
            Elements.ValuesOneofCase.Rows => kind == ElementKind.StringRow ? elements.Rows.Strings.Count : elements.Rows.Packed.Count,
            _ => 0,
        };
    }

    private static (long First, long Count) RangeOf(Elements elements)
    {
        if (elements.ElementType != "long")
        {
            throw new FormatException($"a range holds longs, not {Quoted(elements.ElementType)}");
        }
        var (first, count) = (elements.Range.First, elements.Range.Count);
        if (count < 0)
        {
            throw new FormatException($"a range cannot have {count} elements");
        }
        if (first > long.MaxValue - count)
        {
            throw new FormatException($"a range of {count} elements from {first} runs past the largest long");
        }
        return (first, count);
    }

    private static Array ToArray(Elements elements)
    {
        var kind = KindOf(elements.ElementType);
        CheckShape(elements, kind);
        return (elements.ValuesCase, kind) switch
        {
            (Elements.ValuesOneofCase.Range, _) => throw new FormatException("a range cannot be one part of an input"),
            (Elements.ValuesOneofCase.Longs, _) => AsLongs(elements.Longs).ToArray(),
            (Elements.ValuesOneofCase.Doubles, _) => AsDoubles(elements.Doubles).ToArray(),
            (Elements.ValuesOneofCase.Strings, _) => elements.Strings.Values.ToArray(),
            (Elements.ValuesOneofCase.Rows, ElementKind.LongRow) => elements.Rows.Packed.Select(r => AsLongs(r).ToArray()).ToArray(),
            (Elements.ValuesOneofCase.Rows, ElementKind.DoubleRow) => elements.Rows.Packed.Select(r => AsDoubles(r).ToArray()).ToArray(),
            (Elements.ValuesOneofCase.Rows, _) => elements.Rows.Strings.Select(r => r.Values.ToArray()).ToArray(),
            _ => Array.CreateInstance(kind.ClrType(), 0),
        };
    }

    // Each element type comes in one form only: a mismatch would hand a worker the wrong array type.
    private static void CheckShape(Elements elements, ElementKind kind)
    {
        var fits = (elements.ValuesCase, kind) switch
        {
            (Elements.ValuesOneofCase.None, _) => true,
            (Elements.ValuesOneofCase.Range, ElementKind.Long) => true,
            (Elements.ValuesOneofCase.Longs, ElementKind.Long) => true,
            (Elements.ValuesOneofCase.Doubles, ElementKind.Double) => true,
            (Elements.ValuesOneofCase.Strings, ElementKind.String) => true,
            (Elements.ValuesOneofCase.Rows, ElementKind.LongRow or ElementKind.DoubleRow) => elements.Rows.Strings.Count == 0,
            (Elements.ValuesOneofCase.Rows, ElementKind.StringRow) => elements.Rows.Packed.Count == 0,
            _ => false,
        };
        if (!fits)
        {
            throw new FormatException($"elements of type {elements.ElementType} cannot come as {elements.ValuesCase}");
        }
    }

    private static ElementKind KindOf(string name) =>
        ElementKindExtensions.TryParseCSharpName(name, out var kind) ? kind : throw new FormatException($"unknown element type {Quoted(name)}");

    private static long WholeNumberOf(int bytes, int size, string type) =>
        bytes % size == 0 ? bytes / size : throw new FormatException($"{bytes} bytes is not a whole number of {type} values");

    private static ReadOnlySpan<long> AsLongs(Google.Protobuf.ByteString packed) => PackedArrays.AsLongs(packed);

    private static ReadOnlySpan<double> AsDoubles(Google.Protobuf.ByteString packed) => PackedArrays.AsDoubles(packed);

    // A type name from the network goes into messages and logs: short and printable only.
    private static string Quoted(string text)
    {
        var shown = text.Length > 40 ? text[..40] + "..." : text;
        return "'" + new string([.. shown.Select(c => char.IsControl(c) ? '?' : c)]) + "'";
    }
}
