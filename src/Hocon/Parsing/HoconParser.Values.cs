using ActorMap.Hocon.Values;

namespace ActorMap.Hocon.Parsing;

/// <summary>
/// Field values and array elements: spec "Value concatenation", "Array and object
/// concatenation" and "Substitutions" (syntax only; resolution happens later).
/// </summary>
internal sealed partial class HoconParser
{
    private HoconNode ParseValue()
    {
        var start = Position;
        HoconNode? single = null;
        List<HoconNode>? parts = null;
        var whitespaceStart = -1;
        while (!AtEnd)
        {
            var c = Current;
            if (c == '\n' || c == ',' || c == '}' || c == ']' || AtComment)
            {
                break;
            }

            if (c == ' ' || c == '\t' || c == '\r' || CharClass.IsInlineWhitespace(c))
            {
                if (whitespaceStart < 0)
                {
                    whitespaceStart = _pos;
                }

                _pos++;
                continue;
            }

            var part = ParseValuePart(c);
            if (single is null)
            {
                single = part;
            }
            else
            {
                parts ??= [single];
                if (whitespaceStart >= 0)
                {
                    parts.Add(HoconScalar.Whitespace(_text[whitespaceStart..FindPartStart(whitespaceStart)]));
                }

                parts.Add(part);
            }

            whitespaceStart = -1;
        }

        if (single is null)
        {
            throw Error($"expected a value but found {Describe()}", Position);
        }

        return parts is null ? single : Concatenate(parts, start);
    }

    // The whitespace run ends where the last part began; parts never start with whitespace.
    private int FindPartStart(int whitespaceStart)
    {
        var end = whitespaceStart;
        while (end < _text.Length && CharClass.IsInlineWhitespace(_text[end]))
        {
            end++;
        }

        return end;
    }

    private HoconNode ParseValuePart(char c)
    {
        switch (c)
        {
            case '"':
                return HoconScalar.String(PeekAt(1) == '"' && PeekAt(2) == '"' ? ReadTripleQuoted() : ReadQuoted());
            case '{':
                return ParseObject();
            case '[':
                return ParseArray();
            case '$' when PeekAt(1) == '{':
                return ParseSubstitution();
            case '-' when char.IsAsciiDigit(PeekAt(1)):
                return HoconScalar.Number(ReadNumber());
            case >= '0' and <= '9':
                return HoconScalar.Number(ReadNumber());
            case '+' when PeekAt(1) == '=':
                throw Error("unexpected '+=' inside a value");
        }

        if (CharClass.IsForbidden(c))
        {
            throw Error($"unexpected {Describe()} in a value; quote the string if the character belongs to it");
        }

        var text = ReadUnquoted();
        return text switch
        {
            "true" => HoconScalar.True,
            "false" => HoconScalar.False,
            "null" => HoconScalar.Null,
            _ => HoconScalar.String(text),
        };
    }

    private HoconSubstitution ParseSubstitution()
    {
        var start = Position;
        _pos += 2;
        var optional = false;
        if (!AtEnd && Current == '?')
        {
            optional = true;
            _pos++;
        }

        SkipInlineWhitespaceOnly();
        var path = ReadPath(inSubstitution: true);
        if (AtEnd || Current != '}')
        {
            throw Error($"expected '}}' to close the substitution but found {Describe()}");
        }

        _pos++;
        return new HoconSubstitution(path, optional, _context.Prefix, start);
    }

    private void SkipInlineWhitespaceOnly()
    {
        while (!AtEnd && CharClass.IsInlineWhitespace(Current))
        {
            _pos++;
        }
    }

    /// <summary>
    /// Joins the parts of a concatenation now when no substitution is involved; otherwise keeps
    /// them for the resolver, which learns only then whether they form a string, array or object.
    /// </summary>
    private HoconNode Concatenate(List<HoconNode> parts, SourcePosition start)
    {
        var objects = 0;
        var arrays = 0;
        var scalars = 0;
        foreach (var part in parts)
        {
            switch (part)
            {
                case HoconScalar { IsConcatWhitespace: true }:
                    break;
                case HoconObject:
                    objects++;
                    break;
                case HoconArray:
                    arrays++;
                    break;
                case HoconScalar:
                    scalars++;
                    break;
                default:
                    return new HoconConcatenation(parts, start);
            }
        }

        if (objects > 0 && (arrays > 0 || scalars > 0) || (arrays > 0 && scalars > 0))
        {
            throw Error("cannot concatenate values of different kinds (string, array, object)", start);
        }

        if (scalars > 0)
        {
            _buffer.Clear();
            foreach (var part in parts)
            {
                _buffer.Append(((HoconScalar)part).Text);
            }

            return HoconScalar.String(_buffer.ToString());
        }

        HoconNode? result = null;
        foreach (var part in parts)
        {
            if (part is HoconScalar)
            {
                continue;
            }

            if (result is null)
            {
                result = part;
            }
            else if (result is HoconArray array)
            {
                array.Items.AddRange(((HoconArray)part).Items);
            }
            else
            {
                result = NodeMerger.MergeOwned(result, part);
            }
        }

        return result!;
    }
}
