using ActorMap.Hocon.Parsing;
using ActorMap.Hocon.Rendering;
using ActorMap.Hocon.Units;
using ActorMap.Hocon.Values;

namespace ActorMap.Hocon;

/// <summary>
/// Typed getters with the conversions of spec "Automatic type conversions". A getter without
/// a default throws <see cref="HoconMissingPathException"/> for a missing or null value; one
/// with a default returns it instead. A value of the wrong type throws <see cref="HoconTypeException"/>.
/// </summary>
public sealed partial class HoconConfig
{
    public string GetString(string path) => AsString(path, Require(path));

    public string GetString(string path, string defaultValue) => Optional(path) is { } node ? AsString(path, node) : defaultValue;

    public bool GetBoolean(string path) => AsBoolean(path, Require(path));

    public bool GetBoolean(string path, bool defaultValue) => Optional(path) is { } node ? AsBoolean(path, node) : defaultValue;

    public int GetInt(string path) => AsInt(path, Require(path));

    public int GetInt(string path, int defaultValue) => Optional(path) is { } node ? AsInt(path, node) : defaultValue;

    public long GetLong(string path) => AsLong(path, Require(path));

    public long GetLong(string path, long defaultValue) => Optional(path) is { } node ? AsLong(path, node) : defaultValue;

    public double GetDouble(string path) => AsDouble(path, Require(path));

    public double GetDouble(string path, double defaultValue) => Optional(path) is { } node ? AsDouble(path, node) : defaultValue;

    /// <summary>An array of simple values, each converted to a string.</summary>
    public IReadOnlyList<string> GetStringList(string path) => AsStringList(path, Require(path));

    public IReadOnlyList<string> GetStringList(string path, IReadOnlyList<string> defaultValue) =>
        Optional(path) is { } node ? AsStringList(path, node) : defaultValue;

    /// <summary>A duration such as "5s", "100 ms", "2 minutes"; a bare number is milliseconds; "infinite" is <see cref="Timeout.InfiniteTimeSpan"/>.</summary>
    public TimeSpan GetTimeSpan(string path) => AsTimeSpan(path, Require(path));

    public TimeSpan GetTimeSpan(string path, TimeSpan defaultValue) => Optional(path) is { } node ? AsTimeSpan(path, node) : defaultValue;

    /// <summary>A size in bytes such as "64 KiB", "1MB" (10^6) or "10 M" (2^20); a bare number is bytes.</summary>
    public long GetByteSize(string path) => AsByteSize(path, Require(path));

    public long GetByteSize(string path, long defaultValue) => Optional(path) is { } node ? AsByteSize(path, node) : defaultValue;

    internal HoconNode? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        HoconNode node = Root;
        foreach (var element in HoconParser.ParsePathExpression(path))
        {
            if (node is not HoconObject obj || !obj.TryGet(element, out node!))
            {
                return null;
            }
        }

        return node;
    }

    private HoconNode? Optional(string path) => Find(path) is { } node && node is not HoconScalar { Kind: ScalarKind.Null } ? node : null;

    private HoconNode Require(string path)
    {
        var node = Find(path);
        return node is null or HoconScalar { Kind: ScalarKind.Null }
            ? throw new HoconMissingPathException(path, isNull: node is not null)
            : node;
    }

    private static string AsString(string path, HoconNode node) =>
        node is HoconScalar scalar ? scalar.Text : throw TypeMismatch(path, node, "a string");

    private static bool AsBoolean(string path, HoconNode node) => node is HoconScalar scalar
        ? scalar.Text switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw TypeMismatch(path, node, "a boolean"),
        }
        : throw TypeMismatch(path, node, "a boolean");

    private static int AsInt(string path, HoconNode node)
    {
        var value = AsLong(path, node);
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw TypeMismatch(path, node, "a 32-bit integer");
    }

    private static long AsLong(string path, HoconNode node) =>
        node is HoconScalar { Kind: ScalarKind.Number or ScalarKind.String } scalar && scalar.TryGetLong(out var value)
            ? value
            : throw TypeMismatch(path, node, "an integer");

    private static double AsDouble(string path, HoconNode node) =>
        node is HoconScalar { Kind: ScalarKind.Number or ScalarKind.String } scalar && scalar.TryGetDouble(out var value)
            ? value
            : throw TypeMismatch(path, node, "a number");

    private static List<string> AsStringList(string path, HoconNode node)
    {
        if (node is not HoconArray array)
        {
            throw TypeMismatch(path, node, "a list of strings");
        }

        var result = new List<string>(array.Items.Count);
        foreach (var item in array.Items)
        {
            result.Add(item is HoconScalar scalar ? scalar.Text : throw TypeMismatch(path, node, "a list of strings"));
        }

        return result;
    }

    private static TimeSpan AsTimeSpan(string path, HoconNode node) =>
        node is HoconScalar { Kind: ScalarKind.Number or ScalarKind.String } scalar && DurationParser.TryParse(scalar.Text, out var value)
            ? value
            : throw TypeMismatch(path, node, "a duration (e.g. 5s, 100 ms, 2 minutes, infinite)");

    private static long AsByteSize(string path, HoconNode node) =>
        node is HoconScalar { Kind: ScalarKind.Number or ScalarKind.String } scalar && ByteSizeParser.TryParse(scalar.Text, out var value)
            ? value
            : throw TypeMismatch(path, node, "a size in bytes (e.g. 64 KiB, 1MB, 10 M)");

    private static HoconTypeException TypeMismatch(string path, HoconNode node, string expected)
    {
        var rendered = node is HoconScalar scalar ? Describe(scalar) : JsonWriter.Write(node, indented: false);
        if (rendered.Length > 80)
        {
            rendered = string.Concat(rendered.AsSpan(0, 77), "...");
        }

        return new HoconTypeException(path, rendered, expected);
    }

    private static string Describe(HoconScalar scalar) => scalar.Kind switch
    {
        ScalarKind.String => $"the string \"{scalar.Text}\"",
        ScalarKind.Number => $"the number {scalar.Text}",
        ScalarKind.Boolean => $"the boolean {scalar.Text}",
        _ => "null",
    };
}
