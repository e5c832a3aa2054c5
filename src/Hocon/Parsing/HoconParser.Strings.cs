namespace ActorMap.Hocon.Parsing;

/// <summary>
/// Lexing of strings and numbers: spec "Unchanged from JSON" (quoted strings, numbers),
/// "Unquoted strings" and "Multi-line strings".
/// </summary>
internal sealed partial class HoconParser
{
    /// <summary>A JSON string; the cursor is on the opening quote.</summary>
    private string ReadQuoted()
    {
        var start = Position;
        _pos++;
        var runStart = _pos;

        // Fast path: most strings have no escapes and can be sliced out of the text.
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '"')
            {
                var plain = _text.Substring(runStart, _pos - runStart);
                _pos++;
                return plain;
            }

            if (c == '\\' || c == '\n')
            {
                break;
            }

            _pos++;
        }

        _quoted.Clear();
        _quoted.Append(_text, runStart, _pos - runStart);
        while (true)
        {
            if (AtEnd || Current == '\n')
            {
                throw Error("unterminated quoted string (JSON strings may not span lines; use \"\"\" for that)", start);
            }

            var c = Current;
            _pos++;
            if (c == '"')
            {
                return _quoted.ToString();
            }

            if (c != '\\')
            {
                _quoted.Append(c);
                continue;
            }

            if (AtEnd)
            {
                throw Error("unterminated escape sequence in a quoted string");
            }

            var escaped = Current;
            _pos++;
            switch (escaped)
            {
                case '"' or '\\' or '/':
                    _quoted.Append(escaped);
                    break;
                case 'b':
                    _quoted.Append('\b');
                    break;
                case 'f':
                    _quoted.Append('\f');
                    break;
                case 'n':
                    _quoted.Append('\n');
                    break;
                case 'r':
                    _quoted.Append('\r');
                    break;
                case 't':
                    _quoted.Append('\t');
                    break;
                case 'u':
                    _quoted.Append(ReadUnicodeEscape());
                    break;
                default:
                    _pos -= 2;
                    throw Error($"invalid escape '\\{escaped}' in a quoted string; valid are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
            }
        }
    }

    private char ReadUnicodeEscape()
    {
        if (_pos + 4 > _text.Length ||
            !int.TryParse(_text.AsSpan(_pos, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            throw Error("expected four hex digits after \\u");
        }

        _pos += 4;
        return (char)code;
    }

    /// <summary>
    /// A triple-quoted string, taken verbatim. "Any sequence of at least three quotes ends the
    /// multi-line string, and any extra quotes are part of the string."
    /// </summary>
    private string ReadTripleQuoted()
    {
        var start = Position;
        _pos += 3;
        var contentStart = _pos;
        var close = _text.IndexOf("\"\"\"", _pos, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Error("unterminated triple-quoted string", start);
        }

        var end = close + 3;
        while (end < _text.Length && _text[end] == '"')
        {
            end++;
        }

        CountLines(contentStart, end);
        _pos = end;
        return _text.Substring(contentStart, end - 3 - contentStart);
    }

    private void CountLines(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (_text[i] == '\n')
            {
                _line++;
                _lineStart = i + 1;
            }
        }
    }

    /// <summary>
    /// An unquoted string runs "until a forbidden character or the two-character string //
    /// is encountered"; whitespace ends it too.
    /// </summary>
    private string ReadUnquoted()
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (CharClass.IsForbidden(c) || (c == '/' && PeekAt(1) == '/') || CharClass.IsWhitespace(c))
            {
                break;
            }

            _pos++;
        }

        return _text.Substring(start, _pos - start);
    }

    /// <summary>
    /// A JSON number, <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>. Whatever follows
    /// it without whitespace (as in <c>10s</c>) becomes the next part of a concatenation.
    /// </summary>
    private string ReadNumber()
    {
        var start = _pos;
        if (Current == '-')
        {
            _pos++;
        }

        if (Current == '0')
        {
            _pos++;
        }
        else
        {
            SkipDigits();
        }

        if (!AtEnd && Current == '.' && char.IsAsciiDigit(PeekAt(1)))
        {
            _pos++;
            SkipDigits();
        }

        if (!AtEnd && (Current == 'e' || Current == 'E'))
        {
            var sign = PeekAt(1) is '+' or '-' ? 1 : 0;
            if (char.IsAsciiDigit(PeekAt(1 + sign)))
            {
                _pos += 1 + sign;
                SkipDigits();
            }
        }

        return _text.Substring(start, _pos - start);
    }

    private void SkipDigits()
    {
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }
    }
}
