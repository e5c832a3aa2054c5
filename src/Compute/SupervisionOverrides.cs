using Akka.Actor;

namespace ActorMap.Compute;

/// <summary>
/// One job's changes to the supervision it would get by default (the console's flags, a client's
/// job on the Seed). Each part left null or empty keeps the default; per-type directives merge
/// over the default's, the job's winning for a type both name.
/// </summary>
internal sealed record SupervisionOverrides(
    Directive? Default,
    IReadOnlyDictionary<string, Directive> Directives,
    int? MaxRetries,
    TimeSpan? Within)
{
    public static SupervisionOverrides None { get; } = new(null, new Dictionary<string, Directive>(), null, null);

    /// <summary>Everything <paramref name="options"/> sets, as a job sends it to a Seed.</summary>
    public static SupervisionOverrides From(MapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.Supervision.Default, options.Supervision.Directives, options.RetriesPerChunk, options.RetryWindow);
    }

    public MapOptions ApplyTo(MapOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var policy = defaults.Supervision with { Default = Default ?? defaults.Supervision.Default };
        foreach (var (type, directive) in Directives)
        {
            policy = policy.On(type, directive);
        }
        return defaults with
        {
            Supervision = policy,
            RetriesPerChunk = MaxRetries ?? defaults.RetriesPerChunk,
            RetryWindow = Within ?? defaults.RetryWindow,
        };
    }
}
