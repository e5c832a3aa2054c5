using System.CommandLine;
using System.Globalization;
using ActorMap.Compute;
using ActorMap.Functions;
using Directive = Akka.Actor.Directive;

namespace ActorMap.Client.Commands;

/// <summary>
/// The map verb's supervision flags: one job's policy over <c>actormap.compute.supervision</c>,
/// in process and on a cluster alike. Flags left out keep the configuration's values; each
/// <c>--on</c> adds to (or replaces, for its type) the configured per-type directives.
/// </summary>
internal sealed class SupervisionFlags
{
    public Option<string?> Supervision { get; } = new("--supervision")
    {
        Description = "What a worker's exception does: restart, resume, stop (the worker, for this job) or escalate (fail the job at once) (default: actormap.compute.supervision.default)",
        HelpName = "DIRECTIVE",
    };

    public Option<string[]> On { get; } = new("--on")
    {
        Description = "A directive for one exception type and the types derived from it, by full name, such as System.FormatException=resume; repeat for more types (the most derived type wins)",
        HelpName = "TYPE=DIRECTIVE",
    };

    public Option<string?> Retries { get; } = new("--retries")
    {
        Description = "Retries of a failing chunk within --retry-window before the job fails (default: actormap.compute.supervision.max-retries)",
        HelpName = "N",
    };

    public Option<string?> RetryWindow { get; } = new("--retry-window")
    {
        Description = "The time --retries counts in, such as 10s; a failure after it starts a new count; infinite counts over the whole job (default: actormap.compute.supervision.within)",
        HelpName = "DURATION",
    };

    public IEnumerable<Option> All => [Supervision, On, Retries, RetryWindow];

    public SupervisionOverrides Parse(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return Parse(parse.GetValue(Supervision), parse.GetValue(On) ?? [], parse.GetValue(Retries), parse.GetValue(RetryWindow));
    }

    /// <exception cref="UsageException">A flag's value is not one it takes (the flag is named).</exception>
    public static SupervisionOverrides Parse(string? supervision, IReadOnlyList<string> on, string? retries, string? retryWindow)
    {
        ArgumentNullException.ThrowIfNull(on);
        try
        {
            var directives = new Dictionary<string, Directive>(StringComparer.Ordinal);
            foreach (var entry in on)
            {
                var (type, directive) = SupervisionConfig.ParseTypeDirective(entry, "--on");
                directives[type] = directive;
            }
            return new SupervisionOverrides(
                supervision is null ? null : SupervisionConfig.ParseDirective(supervision, "--supervision"),
                directives,
                retries is null ? null : SupervisionConfig.CheckedRetries(Integer(retries), "--retries"),
                retryWindow is null ? null : SupervisionConfig.ParseWindow(retryWindow, "--retry-window"));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static int Integer(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"--retries must be an integer, got '{text}'");
}
