using System.Text;

namespace ActorMap.Hocon.Values;

/// <summary>Renders a path as a path expression, quoting the elements that need it.</summary>
internal static class PathFormatter
{
    public static string Format(IReadOnlyList<string> path)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < path.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('.');
            }

            AppendElement(builder, path[i]);
        }

        return builder.ToString();
    }

    public static void AppendElement(StringBuilder builder, string element)
    {
        if (NeedsQuotes(element))
        {
            Rendering.JsonWriter.AppendQuoted(builder, element);
        }
        else
        {
            builder.Append(element);
        }
    }

    public static bool NeedsQuotes(string element)
    {
        if (element.Length == 0 || element is "true" or "false" or "null" or "include")
        {
            return true;
        }

        var first = element[0];
        if (first == '-' || char.IsAsciiDigit(first))
        {
            return true;
        }

        for (var i = 0; i < element.Length; i++)
        {
            var c = element[i];
            if (c == '.' || Parsing.CharClass.IsForbidden(c) || Parsing.CharClass.IsWhitespace(c) ||
                (c == '/' && i + 1 < element.Length && element[i + 1] == '/'))
            {
                return true;
            }
        }

        return false;
    }
}
