using ActorMap.Hocon.Values;

namespace ActorMap.Hocon.Parsing;

/// <summary>
/// Path expressions in keys and substitutions: spec "Path expressions". Dots outside quotes
/// separate elements; whitespace between the parts of one element is kept.
/// </summary>
internal sealed partial class HoconParser
{
    /// <summary>Parses a path expression given on its own, as getters receive it.</summary>
    public static string[] ParsePathExpression(string expression)
    {
        var parser = new HoconParser(expression, ParseContext.ForText());
        parser.SkipInlineWhitespaceOnly();
        var path = parser.ReadPath(inSubstitution: false);
        parser.SkipInlineWhitespaceOnly();
        if (!parser.AtEnd)
        {
            throw parser.Error($"invalid path expression '{expression}': unexpected {parser.Describe()}");
        }

        return path;
    }

    private string[] ReadPath(bool inSubstitution)
    {
        var elements = _elements;
        elements.Clear();
        var hasContent = false;
        var whitespaceStart = -1;
        _buffer.Clear();
        while (!AtEnd)
        {
            var c = Current;
            if (CharClass.IsInlineWhitespace(c))
            {
                if (whitespaceStart < 0)
                {
                    whitespaceStart = _pos;
                }

                _pos++;
                continue;
            }

            if (c == '"')
            {
                FlushWhitespace(ref whitespaceStart);
                if (PeekAt(1) == '"' && PeekAt(2) == '"')
                {
                    throw Error("triple-quoted strings are not allowed in a path expression");
                }

                _buffer.Append(ReadQuoted());
                hasContent = true;
                continue;
            }

            if (c == '.')
            {
                FlushWhitespace(ref whitespaceStart);
                if (!hasContent)
                {
                    throw Error("empty path element; an empty key must be quoted, as in a.\"\".b");
                }

                elements.Add(_buffer.ToString());
                _buffer.Clear();
                hasContent = false;
                _pos++;
                continue;
            }

            if (c == '\n' || CharClass.IsForbidden(c) || (c == '/' && PeekAt(1) == '/'))
            {
                break;
            }

            FlushWhitespace(ref whitespaceStart);
            var start = _pos;
            while (_pos < _text.Length)
            {
                var d = _text[_pos];
                if (d == '.' || CharClass.IsForbidden(d) || CharClass.IsWhitespace(d) || (d == '/' && PeekAt(1) == '/'))
                {
                    break;
                }

                _pos++;
            }

            _buffer.Append(_text, start, _pos - start);
            hasContent = true;
        }

        if (!hasContent)
        {
            var what = inSubstitution ? "a path in the substitution" : "a key";
            throw elements.Count == 0
                ? Error($"expected {what} but found {Describe()}")
                : Error("a path expression may not end with '.'");
        }

        if (elements.Count == 0)
        {
            return [_buffer.ToString()];
        }

        elements.Add(_buffer.ToString());
        return [.. elements];
    }

    // Whitespace inside a path element is kept ("a b c : 42" is "a b c"), trailing whitespace is not.
    private void FlushWhitespace(ref int whitespaceStart)
    {
        if (whitespaceStart >= 0)
        {
            if (_buffer.Length > 0)
            {
                _buffer.Append(_text, whitespaceStart, _pos - whitespaceStart);
            }

            whitespaceStart = -1;
        }
    }
}
