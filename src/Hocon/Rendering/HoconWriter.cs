using System.Text;
using ActorMap.Hocon.Values;

namespace ActorMap.Hocon.Rendering;

/// <summary>
/// Renders a resolved tree as HOCON: no root braces, <c>key = value</c>, keys quoted only when
/// they must be, so the output parses back to the same tree.
/// </summary>
internal static class HoconWriter
{
    public static string Write(HoconObject root)
    {
        var builder = new StringBuilder();
        WriteFields(builder, root, 0);
        return builder.ToString();
    }

    private static void WriteFields(StringBuilder builder, HoconObject obj, int level)
    {
        foreach (var (key, value) in obj.Fields)
        {
            builder.Append(' ', level * 2);
            PathFormatter.AppendElement(builder, key);
            builder.Append(value is HoconObject ? " " : " = ");
            WriteValue(builder, value, level);
            builder.Append('\n');
        }
    }

    private static void WriteValue(StringBuilder builder, HoconNode value, int level)
    {
        if (builder.Length > HoconLimits.MaxRenderedChars)
        {
            throw new HoconException("rendered configuration exceeds the size limit");
        }

        switch (value)
        {
            case HoconObject obj:
                if (obj.Count == 0)
                {
                    builder.Append("{}");
                    return;
                }

                builder.Append("{\n");
                WriteFields(builder, obj, level + 1);
                builder.Append(' ', level * 2).Append('}');
                break;
            case HoconArray array:
                builder.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    WriteValue(builder, array.Items[i], level);
                }

                builder.Append(']');
                break;
            case HoconScalar scalar:
                JsonWriter.AppendScalar(builder, scalar);
                break;
            default:
                throw new HoconException("cannot render an unresolved configuration; call Resolve() first");
        }
    }
}
