using ActorMap.Compute;
using Akka.Actor;
using Google.Protobuf.Collections;
using Proto = ActorMap.Messages.Compute;

namespace ActorMap.Hosting.Wire;

/// <summary>
/// A job's supervision on the wire: the client's overrides in <c>SubmitJob</c>, the policy in
/// each <c>RunChunk</c>, the chosen directive in <c>ChunkFailed</c>. Directives travel by their
/// settings' names (restart, resume, stop, escalate).
/// </summary>
internal static class SupervisionWire
{
    // A policy with no per-type directives is most jobs' case: one instance per directive, not one per chunk.
    private static readonly Dictionary<Directive, SupervisionPolicy> s_plain = Enum.GetValues<Directive>().ToDictionary(d => d, d => new SupervisionPolicy(d));

    /// <summary>What the client asks for; null and empty parts leave the Seed's defaults.</summary>
    public static void Write(SupervisionOverrides overrides, Proto.SubmitJob submit)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(submit);
        submit.Supervision = overrides.Default is { } directive ? SupervisionConfig.NameOf(directive) : "";
        foreach (var (type, typeDirective) in overrides.Directives)
        {
            submit.Directives[type] = SupervisionConfig.NameOf(typeDirective);
        }
        submit.RetriesPerChunk = overrides.MaxRetries ?? -1;
        submit.RetryWindowMs = overrides.Within switch
        {
            null => 0,
            { } window when window == Timeout.InfiniteTimeSpan => -1,
            // A window under a millisecond would read as "the Seed's default".
            { } window => Math.Max(1, (long)window.TotalMilliseconds),
        };
    }

    /// <exception cref="ArgumentException">A field's value is not one a client may send (the field is named).</exception>
    public static SupervisionOverrides Read(Proto.SubmitJob submit)
    {
        ArgumentNullException.ThrowIfNull(submit);
        var directives = new Dictionary<string, Directive>(StringComparer.Ordinal);
        foreach (var (type, directive) in submit.Directives)
        {
            if (type.Length == 0 || type.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"directives: '{type}' is not an exception type's full name, such as System.FormatException");
            }
            directives[type] = SupervisionConfig.ParseDirective(directive, $"directives[{type}]");
        }
        return new SupervisionOverrides(
            string.IsNullOrEmpty(submit.Supervision) ? null : SupervisionConfig.ParseDirective(submit.Supervision, "supervision"),
            directives,
            submit.RetriesPerChunk >= 0 ? submit.RetriesPerChunk : null,
            submit.RetryWindowMs switch
            {
                0 => null,
                -1 => Timeout.InfiniteTimeSpan,
                > 0 and <= (long)int.MaxValue * 1000 => TimeSpan.FromMilliseconds(submit.RetryWindowMs),
                _ => throw new ArgumentException($"retry_window_ms must be positive, 0 (the Seed's default) or -1 (no window), got {submit.RetryWindowMs}"),
            });
    }

    public static void Write(SupervisionPolicy? policy, Proto.RunChunk run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (policy is null)
        {
            return;
        }
        run.Supervision = SupervisionConfig.NameOf(policy.Default);
        foreach (var (type, directive) in policy.Directives)
        {
            run.Directives[type] = SupervisionConfig.NameOf(directive);
        }
    }

    /// <summary>Lenient: a name this node does not know reads as restart, so the chunk still runs.</summary>
    public static SupervisionPolicy Read(string defaultDirective, MapField<string, string> directives)
    {
        ArgumentNullException.ThrowIfNull(directives);
        var policy = s_plain[DirectiveOf(defaultDirective)];
        if (directives.Count == 0)
        {
            return policy;
        }
        var byType = new Dictionary<string, Directive>(directives.Count, StringComparer.Ordinal);
        foreach (var (type, directive) in directives)
        {
            if (type.Length > 0 && !type.Any(char.IsWhiteSpace))
            {
                byType[type] = DirectiveOf(directive);
            }
        }
        return policy with { Directives = byType };
    }

    public static Directive DirectiveOf(string name) => name switch
    {
        "resume" => Directive.Resume,
        "stop" => Directive.Stop,
        "escalate" => Directive.Escalate,
        _ => Directive.Restart,
    };
}
