using ActorMap.Hocon.Includes;
using ActorMap.Hocon.Values;

namespace ActorMap.Hocon.Parsing;

/// <summary>
/// Include statements: spec "Include syntax" and "Include semantics: merging". Loading the
/// file, extensions and cycles are <see cref="IncludeLoader"/>'s business.
/// </summary>
internal sealed partial class HoconParser
{
    private const string IncludeKeyword = "include";

    // "If the unquoted string include appears at the start of a path expression where an
    // object key would be expected, then it is not interpreted as a path expression or a key."
    private bool AtIncludeKeyword()
    {
        if (string.CompareOrdinal(_text, _pos, IncludeKeyword, 0, IncludeKeyword.Length) != 0)
        {
            return false;
        }

        var next = PeekAt(IncludeKeyword.Length);
        return next == '"' || CharClass.IsWhitespace(next);
    }

    private void ParseInclude(HoconObject target)
    {
        var start = Position;
        _pos += IncludeKeyword.Length;
        SkipBlank();
        var required = TryOpen("required(");
        var kind = IncludeKind.Heuristic;
        if (TryOpen("file("))
        {
            kind = IncludeKind.File;
        }
        else if (TryOpen("classpath(") || TryOpen("url("))
        {
            kind = IncludeKind.Unsupported;
        }

        if (AtEnd || Current != '"' || (PeekAt(1) == '"' && PeekAt(2) == '"'))
        {
            throw Error($"include must be followed by a quoted file name, file(\"...\") or required(...) but found {Describe()}");
        }

        var name = ReadQuoted();
        var closers = (required ? 1 : 0) + (kind == IncludeKind.Heuristic ? 0 : 1);
        for (var i = 0; i < closers; i++)
        {
            SkipBlank();
            if (AtEnd || Current != ')')
            {
                throw Error($"expected ')' to close the include but found {Describe()}");
            }

            Advance();
        }

        var request = new IncludeRequest(name, kind, required, start, CurrentPrefix(), _depth);
        var included = IncludeLoader.Load(request, _context);
        foreach (var (key, value) in included.Fields)
        {
            target.SetMerged(key, value);
        }
    }

    private bool TryOpen(string function)
    {
        if (string.CompareOrdinal(_text, _pos, function, 0, function.Length) != 0)
        {
            return false;
        }

        _pos += function.Length;
        SkipBlank();
        return true;
    }
}
