namespace ActorMap.Hocon.Parsing;

/// <summary>Character classes from the spec sections "Whitespace" and "Unquoted strings".</summary>
internal static class CharClass
{
    /// <summary>
    /// Unicode space, line and paragraph separators, plus tab, newline, vertical tab, form feed,
    /// carriage return and the file, group, record and unit separators (spec "Whitespace").
    /// BOMs count too, since some editors leave them mid-file.
    /// </summary>
    public static bool IsWhitespace(char c)
    {
        if (c < 128)
        {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F');
        }

        return c == '\uFEFF' || char.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.SpaceSeparator or
            System.Globalization.UnicodeCategory.LineSeparator or
            System.Globalization.UnicodeCategory.ParagraphSeparator;
    }

    /// <summary>Whitespace other than the ASCII newline, which separates fields.</summary>
    public static bool IsInlineWhitespace(char c) => c != '\n' && IsWhitespace(c);

    /// <summary>The characters an unquoted string may not contain.</summary>
    public static bool IsForbidden(char c) => c switch
    {
        '$' or '"' or '{' or '}' or '[' or ']' or ':' or '=' or ',' or '+' or '#' or '`' or '^' or '?' or '!' or '@' or '*' or '&' or '\\' => true,
        _ => false,
    };
}
