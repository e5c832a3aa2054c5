using System.Globalization;
using System.Text;
using ActorMap.Hocon.Values;

namespace ActorMap.Hocon.Rendering;

/// <summary>Renders a resolved tree as JSON (objects keep their field order).</summary>
internal static class JsonWriter
{
    public static string Write(HoconNode node, bool indented)
    {
        var builder = new StringBuilder();
        WriteNode(builder, node, indented, 0);
        return builder.ToString();
    }

    public static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case < ' ' or '\u2028' or '\u2029':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }

    public static void AppendScalar(StringBuilder builder, HoconScalar scalar)
    {
        if (scalar.Kind == ScalarKind.String)
        {
            AppendQuoted(builder, scalar.Text);
        }
        else
        {
            builder.Append(scalar.Text);
        }
    }

    private static void WriteNode(StringBuilder builder, HoconNode node, bool indented, int level)
    {
        if (builder.Length > HoconLimits.MaxRenderedChars)
        {
            throw new HoconException("rendered configuration exceeds the size limit");
        }

        switch (node)
        {
            case HoconObject obj:
                WriteObject(builder, obj, indented, level);
                break;
            case HoconArray array:
                WriteArray(builder, array, indented, level);
                break;
            case HoconScalar scalar:
                AppendScalar(builder, scalar);
                break;
            default:
                throw new HoconException("cannot render an unresolved configuration; call Resolve() first");
        }
    }

    private static void WriteObject(StringBuilder builder, HoconObject obj, bool indented, int level)
    {
        if (obj.Count == 0)
        {
            builder.Append("{}");
            return;
        }

        builder.Append('{');
        var first = true;
        foreach (var (key, value) in obj.Fields)
        {
            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            NewLine(builder, indented, level + 1);
            AppendQuoted(builder, key);
            builder.Append(indented ? ": " : ":");
            WriteNode(builder, value, indented, level + 1);
        }

        NewLine(builder, indented, level);
        builder.Append('}');
    }

    private static void WriteArray(StringBuilder builder, HoconArray array, bool indented, int level)
    {
        if (array.Items.Count == 0)
        {
            builder.Append("[]");
            return;
        }

        builder.Append('[');
        for (var i = 0; i < array.Items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            NewLine(builder, indented, level + 1);
            WriteNode(builder, array.Items[i], indented, level + 1);
        }

        NewLine(builder, indented, level);
        builder.Append(']');
    }

    private static void NewLine(StringBuilder builder, bool indented, int level)
    {
        if (indented)
        {
            builder.Append('\n').Append(' ', level * 2);
        }
    }
}
