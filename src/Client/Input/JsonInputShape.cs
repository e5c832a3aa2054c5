using System.Text.Json;
using ActorMap.Functions;
using ActorMap.Functions.Input;

namespace ActorMap.Client.Input;

/// <summary>
/// The element kind of --input as its values are read: scalars or rows, of numbers (longs
/// unless any has a fraction or exponent) or strings. A problem (mixed kinds, a boolean) is only
/// noted, as numbers; the reader goes on to the end so that malformed JSON anywhere is reported
/// first, as a parser that reads the whole document first would, and the message is built once,
/// when it is thrown.
/// </summary>
internal struct JsonInputShape
{
    private Scalars _top;
    private Scalars _inner;
    private Problem _problem;

    public readonly bool HasProblem => _problem.Kind != ProblemKind.None;

    public readonly ElementKind Kind => _top == Scalars.Row ? ToKind(_inner).RowOf() : ToKind(_top);

    /// <summary>Element <paramref name="index"/> is a row.</summary>
    public void Row(int index) => _top = Merge(_top, Scalars.Row, index, -1);

    /// <summary>
    /// Takes the token at <paramref name="reader"/> as element <paramref name="index"/> or, when
    /// <paramref name="item"/> is not negative, as that item of the row; returns the scalar kind
    /// of all values so far.
    /// </summary>
    public ElementKind Value(ref Utf8JsonReader reader, int index, int item)
    {
        var next = Classify(ref reader, index, item);
        if (item < 0)
        {
            return ToKind(_top = Merge(_top, next, index, item));
        }
        return ToKind(_inner = Merge(_inner, next, index, item));
    }

    /// <summary>The problem noted, as a usage error; nothing when there was none.</summary>
    public readonly void ThrowIfProblem(string source)
    {
        if (_problem.Kind == ProblemKind.None)
        {
            return;
        }
        var where = _problem.Item < 0 ? $"element {_problem.Index}" : $"element {_problem.Index}, item {_problem.Item}";
        throw new UsageException(_problem.Kind switch
        {
            ProblemKind.ArrayInRow => $"{source}: {where} is an array inside a row; rows must hold numbers or strings",
            ProblemKind.NotAnElement => $"{source}: {where} is {Describe(_problem.Token)}; elements must be numbers, strings or arrays of them",
            _ => $"{source}: {where} is {Name(_problem.Next)} where earlier elements make it {Name(_problem.Seen)}; all elements must have one type",
        });
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        _ => token.ToString(),
    };

    private Scalars Classify(ref Utf8JsonReader reader, int index, int item)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return IsLong(ref reader) ? Scalars.Integers : Scalars.Doubles;
            case JsonTokenType.String:
                return Scalars.Strings;
            case JsonTokenType.StartArray:
                Note(new Problem(ProblemKind.ArrayInRow, index, item, default, default, reader.TokenType));
                return Scalars.None;
            default:
                Note(new Problem(ProblemKind.NotAnElement, index, item, default, default, reader.TokenType));
                return Scalars.None;
        }
    }

    // Up to 18 digits with no fraction or exponent always fit a long, so most numbers need no parse here.
    private static bool IsLong(ref Utf8JsonReader reader) =>
        !reader.HasValueSequence && reader.ValueSpan.Length <= 18 && reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0
        || reader.TryGetInt64(out _);

    private Scalars Merge(Scalars seen, Scalars next, int index, int item)
    {
        if (next == Scalars.None)
        {
            return seen;
        }
        if (seen == Scalars.None || seen == next)
        {
            return next;
        }
        if ((seen, next) is (Scalars.Integers, Scalars.Doubles) or (Scalars.Doubles, Scalars.Integers))
        {
            return Scalars.Doubles;
        }
        Note(new Problem(ProblemKind.MixedKinds, index, item, seen, next, default));
        return seen;
    }

    private void Note(Problem problem)
    {
        if (_problem.Kind == ProblemKind.None)
        {
            _problem = problem;
        }
    }

    private static ElementKind ToKind(Scalars scalars) => scalars switch
    {
        Scalars.Doubles => ElementKind.Double,
        Scalars.Strings => ElementKind.String,
        _ => ElementKind.Long, // an empty array (or empty rows) is taken as longs
    };

    private static string Name(Scalars scalars) => scalars switch
    {
        Scalars.Strings => "a string",
        Scalars.Row => "an array",
        _ => "a number",
    };

    private enum Scalars
    {
        None,
        Integers,
        Doubles,
        Strings,
        Row,
    }

    private enum ProblemKind
    {
        None,
        MixedKinds,
        ArrayInRow,
        NotAnElement,
    }

    private readonly record struct Problem(ProblemKind Kind, int Index, int Item, Scalars Seen, Scalars Next, JsonTokenType Token);
}
