using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ActorMap.Functions;
using ActorMap.Functions.Input;

namespace ActorMap.Client.Input;

/// <summary>
/// Reads --input: a JSON array of numbers, strings, or arrays of those (rows). Integers that fit
/// a long are longs; any fraction or exponent makes every number a double. Errors are usage
/// errors naming the source and, for malformed JSON, the line and column.
/// </summary>
/// <remarks>
/// One pass of <see cref="Utf8JsonReader"/>, with no document in between. Values go into one flat
/// list (rows as their end offsets, cut into arrays at the end) while <see cref="JsonInputShape"/>
/// checks their kind. Numbers are read as longs until the first double; then the longs so far
/// become doubles (exactly: each is an integer that fits a long) and the pass goes on as doubles.
/// </remarks>
internal static class JsonInputReader
{
    public static ListMapInput Read(byte[] utf8, string source)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                var found = reader.TokenType;
                Drain(ref reader);
                throw new UsageException($"{source}: expected a JSON array of elements, found {JsonInputShape.Describe(found)}");
            }
            var shape = new JsonInputShape();
            var pass = new Pass();
            var capacity = Capacity(utf8);
            var longs = new List<long>(capacity);
            if (pass.Collect<long, Longs>(ref reader, ref shape, longs))
            {
                return Finish(source, shape, pass, longs);
            }
            if (shape.Kind is ElementKind.String or ElementKind.StringRow)
            {
                // The first value was a string: nothing has been collected yet.
                var strings = new List<string>(capacity);
                return Resume<string, Strings>(source, ref reader, ref shape, pass, strings);
            }
            // The prefix holds only integers, so "-0" there can only be a negative zero, which a
            // long cannot keep: read it again as doubles. Otherwise every long converts exactly.
            if (utf8.AsSpan(0, (int)reader.TokenStartIndex).IndexOf("-0"u8) >= 0)
            {
                return Again(utf8, source, capacity);
            }
            var doubles = new List<double>(capacity);
            foreach (var value in CollectionsMarshal.AsSpan(longs))
            {
                doubles.Add(value);
            }
            return Resume<double, Doubles>(source, ref reader, ref shape, pass, doubles);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            throw new UsageException($"{source}:{line}:{column}: malformed JSON: {WithoutPosition(e.Message)}");
        }
    }

    public static ListMapInput Read(string text, string source) => Read(Encoding.UTF8.GetBytes(text), source);

    private static ListMapInput Resume<T, TValues>(string source, ref Utf8JsonReader reader, ref JsonInputShape shape, Pass pass, List<T> values)
        where TValues : IValues<T>
    {
        pass.Take<T, TValues>(ref reader, values);
        return pass.Collect<T, TValues>(ref reader, ref shape, values)
            ? Finish(source, shape, pass, values)
            : throw new InvalidOperationException("--input changed kind twice");
    }

    private static ListMapInput Again(byte[] utf8, string source, int capacity)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        var shape = new JsonInputShape();
        var pass = new Pass();
        var doubles = new List<double>(capacity);
        return pass.Collect<double, Doubles>(ref reader, ref shape, doubles)
            ? Finish(source, shape, pass, doubles)
            : throw new InvalidOperationException("--input changed kind twice");
    }

    private static ListMapInput Finish<T>(string source, JsonInputShape shape, Pass pass, List<T> values)
    {
        shape.ThrowIfProblem(source);
        var kind = shape.Kind;
        var flat = CollectionsMarshal.AsSpan(values);
        if (kind is not (ElementKind.LongRow or ElementKind.DoubleRow or ElementKind.StringRow))
        {
            return new ListMapInput(kind, flat.ToArray());
        }
        var ends = CollectionsMarshal.AsSpan(pass.RowEnds);
        var rows = new T[ends.Length][];
        var start = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = flat[start..ends[i]].ToArray();
            start = ends[i];
        }
        return new ListMapInput(kind, rows);
    }

    // Every value but the last of each array is followed by a comma, and so is every row but the
    // last: there are at most commas + 1 values. Sizing the list once saves copying it as it grows
    // (about a tenth of the time for a file of rows); one vectorised count costs a few ms.
    private static int Capacity(byte[] utf8) => utf8.AsSpan().Count((byte)',') + 1;

    // Reading on to the end checks the rest of the text is JSON, and that nothing follows the root.
    private static void Drain(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
        }
    }

    // System.Text.Json appends "LineNumber: 0 | BytePositionInLine: 5." (0-based); we print 1-based ones instead.
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    /// <summary>Where the pass is in the root array; it outlives a change of value type.</summary>
    private sealed class Pass
    {
        private int _index;
        private int _item = -1;

        /// <summary>For rows: the offset in the flat values just past each row's last value.</summary>
        public List<int> RowEnds { get; } = [];

        /// <summary>
        /// Reads on from just after the root's StartArray (or a taken value) to the end of the text.
        /// False, with <paramref name="reader"/> on that value, when a value cannot be a T: the
        /// caller takes it in the kind <paramref name="shape"/> now has, and calls again. A
        /// problem with the shape is left in <paramref name="shape"/>; malformed JSON throws.
        /// </summary>
        public bool Collect<T, TValues>(ref Utf8JsonReader reader, ref JsonInputShape shape, List<T> values)
            where TValues : IValues<T>
        {
            // Depth 1 holds the elements, depth 2 the values of a row; the root's EndArray ends the loop.
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartArray when reader.CurrentDepth == 1:
                        shape.Row(_index);
                        _item = 0;
                        break;
                    case JsonTokenType.EndArray when reader.CurrentDepth == 1:
                        RowEnds.Add(values.Count);
                        _item = -1;
                        _index++;
                        break;
                    case JsonTokenType.EndArray:
                        Drain(ref reader);
                        return true;
                    default:
                        var kind = shape.Value(ref reader, _index, _item);
                        if (shape.HasProblem)
                        {
                            Drain(ref reader);
                            return true;
                        }
                        if (!TValues.Holds(kind))
                        {
                            return false;
                        }
                        Take<T, TValues>(ref reader, values);
                        break;
                }
            }
            return true;
        }

        public void Take<T, TValues>(ref Utf8JsonReader reader, List<T> values)
            where TValues : IValues<T>
        {
            values.Add(TValues.Get(ref reader));
            if (_item >= 0)
            {
                _item++;
            }
            else
            {
                _index++;
            }
        }
    }

    // Static abstract members, so each kind's loop is compiled with its own Get inlined.
    private interface IValues<T>
    {
        /// <summary>True when values of this scalar kind can be read as T.</summary>
        static abstract bool Holds(ElementKind scalar);

        static abstract T Get(ref Utf8JsonReader reader);
    }

    private readonly struct Longs : IValues<long>
    {
        public static bool Holds(ElementKind scalar) => scalar == ElementKind.Long;

        // The reader has checked the token is a JSON number and the shape that it has no fraction
        // or exponent, so up to 18 characters are a sign and digits that cannot overflow.
        public static long Get(ref Utf8JsonReader reader)
        {
            var text = reader.ValueSpan;
            if (reader.HasValueSequence || text.Length > 18)
            {
                return reader.GetInt64();
            }
            var negative = text[0] == (byte)'-';
            var value = 0L;
            for (var i = negative ? 1 : 0; i < text.Length; i++)
            {
                value = value * 10 + (text[i] - '0');
            }
            return negative ? -value : value;
        }
    }

    private readonly struct Doubles : IValues<double>
    {
        public static bool Holds(ElementKind scalar) => scalar is ElementKind.Long or ElementKind.Double;

        public static double Get(ref Utf8JsonReader reader) => reader.GetDouble();
    }

    private readonly struct Strings : IValues<string>
    {
        public static bool Holds(ElementKind scalar) => scalar == ElementKind.String;

        public static string Get(ref Utf8JsonReader reader) => reader.GetString()!;
    }
}
