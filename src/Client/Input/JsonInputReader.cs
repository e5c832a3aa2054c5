using ActorMap.Functions;
using ActorMap.Functions.Input;
using System.Text;
using System.Text.Json;

namespace ActorMap.Client.Input;

/// <summary>
/// Reads --input: a JSON array of numbers, strings, or arrays of those (rows). Integers that fit
/// a long are longs; any fraction or exponent makes every number a double. Errors are usage
/// errors naming the source and, for malformed JSON, the line and column.
/// </summary>
internal static class JsonInputReader
{
    public static ListMapInput Read(byte[] utf8, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            throw new UsageException($"{source}:{line}:{column}: malformed JSON: {WithoutPosition(e.Message)}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new UsageException($"{source}: expected a JSON array of elements, found {Describe(root.ValueKind)}");
            }
            var kind = KindOf(root, source);
            return new ListMapInput(kind, Build(root, kind));
        }
    }

    public static ListMapInput Read(string text, string source) => Read(Encoding.UTF8.GetBytes(text), source);

    private static ElementKind KindOf(JsonElement root, string source)
    {
        var top = Scalars.None;
        var inner = Scalars.None;
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                top = Merge(top, Scalars.Row, source, $"element {index}");
                var item = 0;
                foreach (var value in element.EnumerateArray())
                {
                    inner = Merge(inner, Classify(value, source, $"element {index}, item {item}"), source, $"element {index}, item {item}");
                    item++;
                }
            }
            else
            {
                top = Merge(top, Classify(element, source, $"element {index}"), source, $"element {index}");
            }
            index++;
        }
        return top switch
        {
            Scalars.Row => ToKind(inner).RowOf(),
            _ => ToKind(top),
        };
    }

    private static Scalars Classify(JsonElement value, string source, string where) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetInt64(out _) ? Scalars.Integers : Scalars.Doubles,
        JsonValueKind.String => Scalars.Strings,
        JsonValueKind.Array => throw new UsageException($"{source}: {where} is an array inside a row; rows must hold numbers or strings"),
        _ => throw new UsageException($"{source}: {where} is {Describe(value.ValueKind)}; elements must be numbers, strings or arrays of them"),
    };

    private static Scalars Merge(Scalars seen, Scalars next, string source, string where)
    {
        if (seen == Scalars.None || seen == next)
        {
            return next;
        }
        if ((seen, next) is (Scalars.Integers, Scalars.Doubles) or (Scalars.Doubles, Scalars.Integers))
        {
            return Scalars.Doubles;
        }
        throw new UsageException($"{source}: {where} is {Name(next)} where earlier elements make it {Name(seen)}; all elements must have one type");
    }

    private static ElementKind ToKind(Scalars scalars) => scalars switch
    {
        Scalars.Doubles => ElementKind.Double,
        Scalars.Strings => ElementKind.String,
        _ => ElementKind.Long, // an empty array (or empty rows) is taken as longs
    };

    private static Array Build(JsonElement root, ElementKind kind) => kind switch
    {
        ElementKind.Long => Items<long>(root, static e => e.GetInt64()),
        ElementKind.Double => Items<double>(root, static e => e.GetDouble()),
        ElementKind.String => Items<string>(root, static e => e.GetString()!),
        ElementKind.LongRow => Rows<long>(root, static e => e.GetInt64()),
        ElementKind.DoubleRow => Rows<double>(root, static e => e.GetDouble()),
        ElementKind.StringRow => Rows<string>(root, static e => e.GetString()!),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static T[] Items<T>(JsonElement array, Func<JsonElement, T> read)
    {
        var items = new T[array.GetArrayLength()];
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            items[i++] = read(element);
        }
        return items;
    }

    private static T[][] Rows<T>(JsonElement array, Func<JsonElement, T> read)
    {
        var rows = new T[array.GetArrayLength()][];
        var i = 0;
        foreach (var row in array.EnumerateArray())
        {
            rows[i++] = Items(row, read);
        }
        return rows;
    }

    // System.Text.Json appends "LineNumber: 0 | BytePositionInLine: 5." (0-based); we print 1-based ones instead.
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => kind.ToString(),
    };

    private static string Name(Scalars scalars) => scalars switch
    {
        Scalars.Strings => "a string",
        Scalars.Row => "an array",
        _ => "a number",
    };

    private enum Scalars
    {
        None,
        Integers,
        Doubles,
        Strings,
        Row,
    }
}
