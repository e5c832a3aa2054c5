using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Supervision;

/// <summary>Builds the exception-to-directive functions supervisors use.</summary>
public static class Decider
{
    /// <summary>Akka's default: stop on initialization, kill and death-pact failures, otherwise restart.</summary>
    public static Directive DefaultDecider(Exception cause) => cause switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>The first mapping whose type the exception is assignable to wins; otherwise <paramref name="fallback"/>.</summary>
    public static Func<Exception, Directive> From(Directive fallback, params (Type Exception, Directive Directive)[] mappings)
    {
        var copy = mappings.ToArray();
        return cause =>
        {
            foreach (var (type, directive) in copy)
            {
                if (type.IsInstanceOfType(cause))
                {
                    return directive;
                }
            }
            return fallback;
        };
    }
}
