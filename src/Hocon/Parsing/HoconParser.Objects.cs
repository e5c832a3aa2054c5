using ActorMap.Hocon.Values;

namespace ActorMap.Hocon.Parsing;

/// <summary>
/// Objects, fields and arrays: spec "Omit root braces", "Key-value separator", "Commas",
/// "Duplicate keys", "Paths as keys" and "The += field separator".
/// </summary>
internal sealed partial class HoconParser
{
    private HoconObject ParseRoot()
    {
        if (!AtEnd && Current == '\uFEFF')
        {
            _pos++;
            _lineStart = _pos;
        }

        SkipBlank();
        var root = new HoconObject();
        if (!AtEnd && Current == '{')
        {
            Advance();
            EnterNesting(1);
            ParseFields(root, braced: true);
            SkipBlank();
            if (!AtEnd)
            {
                throw Error($"expected end of input after the root object but found {Describe()}");
            }
        }
        else if (!AtEnd && Current == '[')
        {
            throw Error("expected an object at the root but found an array");
        }
        else
        {
            ParseFields(root, braced: false);
        }

        return root;
    }

    private void ParseFields(HoconObject target, bool braced)
    {
        while (true)
        {
            SkipBlank();
            if (AtEnd)
            {
                if (braced)
                {
                    throw Error("expected '}' to close the object but found end of input");
                }

                return;
            }

            var c = Current;
            if (c == '}')
            {
                if (!braced)
                {
                    throw Error("unbalanced '}': the root object has no opening '{'");
                }

                Advance();
                _depth--;
                return;
            }

            if (c == ',')
            {
                throw Error("expected a key but found ','");
            }

            ParseField(target);
            SkipInline();
            if (AtEnd || Current == '\n' || Current == '}')
            {
                continue;
            }

            if (Current != ',')
            {
                throw Error($"expected ',' or a newline after a field but found {Describe()}");
            }

            Advance();
            SkipBlank();
            if (!AtEnd && Current == ',')
            {
                throw Error("expected a key but found a second ','");
            }
        }
    }

    private void ParseField(HoconObject target)
    {
        if (AtIncludeKeyword())
        {
            ParseInclude(target);
            return;
        }

        var keyStart = Position;
        var key = ReadPath(inSubstitution: false);
        SkipBlank();
        var append = false;
        if (AtEnd)
        {
            throw Error("expected ':', '=', '+=' or '{' after the key but found end of input");
        }

        switch (Current)
        {
            case '{':
                break;
            case ':' or '=':
                Advance();
                SkipBlank();
                break;
            case '+' when PeekAt(1) == '=':
                Advance();
                Advance();
                SkipBlank();
                append = true;
                break;
            default:
                throw Error($"expected ':', '=', '+=' or '{{' after the key but found {Describe()}");
        }

        EnterNesting(key.Length - 1);
        _path.AddRange(key);
        var value = ParseValue();
        if (append)
        {
            // "a += b" is exactly "a = ${?a} [b]".
            var self = new HoconSubstitution([.. _path], optional: true, _context.Prefix, keyStart);
            value = new HoconConcatenation([self, new HoconArray([value])], keyStart);
        }

        _path.RemoveRange(_path.Count - key.Length, key.Length);
        _depth -= key.Length - 1;

        for (var i = key.Length - 1; i > 0; i--)
        {
            var wrapper = new HoconObject(1);
            wrapper.Set(key[i], value);
            value = wrapper;
        }

        target.SetMerged(key[0], value);
    }

    private HoconObject ParseObject()
    {
        Advance();
        EnterNesting(1);
        var result = new HoconObject();
        ParseFields(result, braced: true);
        return result;
    }

    private HoconArray ParseArray()
    {
        var open = Position;
        Advance();
        EnterNesting(1);
        var items = new List<HoconNode>();
        while (true)
        {
            SkipBlank();
            if (AtEnd)
            {
                throw Error($"expected ']' to close the array opened at line {open.Line} but found end of input");
            }

            if (Current == ']')
            {
                Advance();
                _depth--;
                return new HoconArray(items);
            }

            if (Current == ',')
            {
                throw Error("expected an array element but found ','");
            }

            if (Current == '}')
            {
                throw Error($"expected ']' to close the array opened at line {open.Line} but found '}}'");
            }

            _path.Add(IndexName(items.Count));
            items.Add(ParseValue());
            _path.RemoveAt(_path.Count - 1);
            SkipInline();
            if (AtEnd || Current == '\n' || Current == ']')
            {
                continue;
            }

            if (Current != ',')
            {
                throw Error($"expected ',' or ']' after an array element but found {Describe()}");
            }

            Advance();
            SkipBlank();
            if (!AtEnd && Current == ',')
            {
                throw Error("expected an array element but found a second ','");
            }
        }
    }

    private static readonly string[] s_indexNames = [.. Enumerable.Range(0, 64).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private static string IndexName(int index) =>
        index < s_indexNames.Length ? s_indexNames[index] : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
