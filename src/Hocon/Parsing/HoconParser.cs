using System.Text;
using ActorMap.Hocon.Values;

namespace ActorMap.Hocon.Parsing;

/// <summary>
/// A hand-written, single-pass HOCON parser working directly on the text (no token list),
/// following Lightbend's HOCON.md; each partial file names the spec sections it implements.
/// This file holds the cursor, whitespace and comments (spec "Comments", "Whitespace").
/// </summary>
internal sealed partial class HoconParser
{
    private readonly string _text;
    private readonly ParseContext _context;
    private readonly StringBuilder _buffer = new();
    private readonly StringBuilder _quoted = new();

    // The path from this document's root to the value being parsed; += and includes need it.
    private readonly List<string> _path = [];

    // Reused by ReadPath; path expressions never nest, so one list suffices.
    private readonly List<string> _elements = [];
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _depth;

    private HoconParser(string text, ParseContext context)
    {
        _text = text;
        _context = context;
        _depth = context.BaseDepth;
    }

    /// <summary>Parses a whole document; its root must be an object (spec "Omit root braces").</summary>
    public static HoconObject ParseDocument(string text, ParseContext context)
    {
        var parser = new HoconParser(text, context);
        return parser.ParseRoot();
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Current => _text[_pos];

    private char PeekAt(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private SourcePosition Position => new(_context.File, _line, _pos - _lineStart + 1);

    private bool AtComment => !AtEnd && (Current == '#' || (Current == '/' && PeekAt(1) == '/'));

    private HoconParseException Error(string message) => Error(message, Position);

    private HoconParseException Error(string message, SourcePosition at) =>
        new(message, at.File, at.Line, at.Column);

    private string Describe()
    {
        if (AtEnd)
        {
            return "end of input";
        }

        var c = Current;
        return c switch
        {
            '\n' => "a newline",
            _ when char.IsControl(c) => $"character U+{(int)c:X4}",
            _ => $"'{c}'",
        };
    }

    private void Advance()
    {
        if (_text[_pos] == '\n')
        {
            _line++;
            _lineStart = _pos + 1;
        }

        _pos++;
    }

    /// <summary>Skips whitespace, newlines and comments.</summary>
    private void SkipBlank()
    {
        while (!AtEnd)
        {
            var c = Current;
            if (c == '\n')
            {
                _pos++;
                _line++;
                _lineStart = _pos;
            }
            else if (c == ' ' || c == '\t' || c == '\r' || CharClass.IsWhitespace(c))
            {
                _pos++;
            }
            else if (AtComment)
            {
                SkipComment();
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>Skips whitespace and comments up to (not past) the next newline.</summary>
    private void SkipInline()
    {
        while (!AtEnd)
        {
            var c = Current;
            if (c == ' ' || c == '\t' || c == '\r' || CharClass.IsInlineWhitespace(c))
            {
                _pos++;
            }
            else if (AtComment)
            {
                SkipComment();
            }
            else
            {
                return;
            }
        }
    }

    // "Anything between // or # and the next newline is considered a comment and ignored."
    private void SkipComment()
    {
        var end = _text.IndexOf('\n', _pos);
        _pos = end < 0 ? _text.Length : end;
    }

    private void EnterNesting(int levels)
    {
        _depth += levels;
        if (_depth > HoconLimits.MaxNesting)
        {
            throw Error($"nesting deeper than {HoconLimits.MaxNesting} levels");
        }
    }

    private string[]? CurrentPrefix()
    {
        if (_path.Count == 0)
        {
            return _context.Prefix;
        }

        var prefix = _context.Prefix ?? [];
        var result = new string[prefix.Length + _path.Count];
        prefix.CopyTo(result, 0);
        _path.CopyTo(result, prefix.Length);
        return result;
    }
}
