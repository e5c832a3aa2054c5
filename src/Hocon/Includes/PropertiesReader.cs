using System.Text;
using ActorMap.Hocon.Values;

namespace ActorMap.Hocon.Includes;

/// <summary>
/// A small reader for Java properties files, mapped as the spec's "Java properties mapping"
/// says: keys split on '.', values always strings, and an object wins over a string at the
/// same path. Supports comments (# !), separators (= : whitespace), escapes and continuation lines.
/// </summary>
internal static class PropertiesReader
{
    public static HoconObject Read(string text, string? file, int baseDepth)
    {
        var root = new HoconObject();
        var lines = LogicalLines(text);
        foreach (var (line, number) in lines)
        {
            var (key, value) = SplitEntry(line);
            var path = key.Split('.');
            if (baseDepth + path.Length > HoconLimits.MaxNesting)
            {
                throw new HoconParseException($"property key nests deeper than {HoconLimits.MaxNesting} levels", file, number, 1);
            }

            Put(root, path, value);
        }

        return root;
    }

    private static void Put(HoconObject root, string[] path, string value)
    {
        var current = root;
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (current.TryGet(path[i], out var existing) && existing is HoconObject child)
            {
                current = child;
                continue;
            }

            var created = new HoconObject();
            current.Set(path[i], created);
            current = created;
        }

        var last = path[^1];
        if (!current.TryGet(last, out var previous) || previous is not HoconObject)
        {
            current.Set(last, HoconScalar.String(value));
        }
    }

    private static List<(string Line, int Number)> LogicalLines(string text)
    {
        var result = new List<(string, int)>();
        var physical = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var builder = new StringBuilder();
        var startNumber = 0;
        for (var i = 0; i < physical.Length; i++)
        {
            var line = builder.Length == 0 ? physical[i].TrimStart() : physical[i].TrimStart(' ', '\t', '\f');
            if (builder.Length == 0)
            {
                if (line.Length == 0 || line[0] == '#' || line[0] == '!')
                {
                    continue;
                }

                startNumber = i + 1;
            }

            if (EndsWithContinuation(line))
            {
                builder.Append(line, 0, line.Length - 1);
                continue;
            }

            builder.Append(line);
            result.Add((builder.ToString(), startNumber));
            builder.Clear();
        }

        if (builder.Length > 0)
        {
            result.Add((builder.ToString(), startNumber));
        }

        return result;
    }

    // A line continues when it ends in an odd number of backslashes.
    private static bool EndsWithContinuation(string line)
    {
        var count = 0;
        for (var i = line.Length - 1; i >= 0 && line[i] == '\\'; i--)
        {
            count++;
        }

        return count % 2 == 1;
    }

    private static (string Key, string Value) SplitEntry(string line)
    {
        var key = new StringBuilder();
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length)
            {
                i = Unescape(line, i + 1, key);
                continue;
            }

            if (c is '=' or ':' || char.IsWhiteSpace(c))
            {
                break;
            }

            key.Append(c);
            i++;
        }

        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        if (i < line.Length && line[i] is '=' or ':')
        {
            i++;
        }

        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        var value = new StringBuilder();
        while (i < line.Length)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                i = Unescape(line, i + 1, value);
            }
            else
            {
                value.Append(line[i++]);
            }
        }

        return (key.ToString(), value.ToString());
    }

    private static int Unescape(string line, int i, StringBuilder into)
    {
        var c = line[i];
        switch (c)
        {
            case 't': into.Append('\t'); break;
            case 'n': into.Append('\n'); break;
            case 'r': into.Append('\r'); break;
            case 'f': into.Append('\f'); break;
            case 'u' when i + 4 < line.Length &&
                int.TryParse(line.AsSpan(i + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code):
                into.Append((char)code);
                return i + 5;
            default: into.Append(c); break;
        }

        return i + 1;
    }
}
