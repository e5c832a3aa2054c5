using System.Globalization;
using Akka.Actor;

namespace ActorMap.Compute;

/// <summary>
/// What a worker's exception does to the worker, as an Akka decider: a directive per exception
/// type, matched by full type name with the most derived type first, else <see cref="Default"/>.
/// Types go by name because a job's exception types may exist only on the node that ran its
/// function. Read from <c>actormap.compute.supervision</c>, or built in code:
/// <c>new SupervisionPolicy(Directive.Restart).On&lt;FormatException&gt;(Directive.Resume)</c>.
/// </summary>
public sealed record SupervisionPolicy : IDecider
{
    private static readonly Dictionary<string, Directive> s_none = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, Directive> _directives = s_none;

    public SupervisionPolicy()
    {
    }

    public SupervisionPolicy(Directive defaultDirective) => Default = defaultDirective;

    /// <summary>The directive for an exception whose type, and every base type, has none of its own.</summary>
    public Directive Default { get; init; } = Directive.Restart;

    /// <summary>Directives by the exception type's full name (<see cref="Type.FullName"/>, such as <c>System.FormatException</c>).</summary>
    /// <exception cref="ArgumentException">A name is empty or has white space.</exception>
    public IReadOnlyDictionary<string, Directive> Directives
    {
        get => _directives;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var copy = new Dictionary<string, Directive>(value.Count, StringComparer.Ordinal);
            foreach (var (type, directive) in value)
            {
                copy[CheckedTypeName(type)] = directive;
            }
            _directives = copy;
        }
    }

    /// <summary>Keeps a policy's old form working: <c>Supervision = Directive.Stop</c>.</summary>
    public static implicit operator SupervisionPolicy(Directive defaultDirective) => new(defaultDirective);

    public static SupervisionPolicy FromDirective(Directive defaultDirective) => new(defaultDirective);

    /// <summary>This policy with <paramref name="directive"/> for exceptions of the type named <paramref name="exceptionType"/> and types derived from it.</summary>
    public SupervisionPolicy On(string exceptionType, Directive directive)
    {
        var directives = new Dictionary<string, Directive>(_directives, StringComparer.Ordinal) { [CheckedTypeName(exceptionType)] = directive };
        return this with { Directives = directives };
    }

    public SupervisionPolicy On<TException>(Directive directive)
        where TException : Exception => On(typeof(TException).FullName!, directive);

    /// <summary>The directive for <paramref name="cause"/>: its own type's, else its nearest base type's, else <see cref="Default"/>.</summary>
    public Directive Decide(Exception cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        if (_directives.Count > 0)
        {
            for (var type = cause.GetType(); type is not null; type = type.BaseType)
            {
                if (type.FullName is { } name && _directives.TryGetValue(name, out var directive))
                {
                    return directive;
                }
            }
        }
        return Default;
    }

    public bool Equals(SupervisionPolicy? other) =>
        other is not null && Default == other.Default && _directives.Count == other._directives.Count
        && _directives.All(pair => other._directives.TryGetValue(pair.Key, out var directive) && directive == pair.Value);

    public override int GetHashCode() => HashCode.Combine(Default, _directives.Count);

    /// <summary>The default alone when there are no per-type directives ("Stop"), else the default and each type's.</summary>
    public override string ToString() =>
        _directives.Count == 0
            ? Default.ToString()
            : string.Join("; ", _directives.OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key}: {pair.Value}")).Prepend(Default.ToString()));

    private static string CheckedTypeName(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Length == 0 || type.Any(char.IsWhiteSpace)
            ? throw new ArgumentException($"an exception type's full name, such as System.FormatException, is needed, got '{type}'", nameof(type))
            : type;
    }
}
