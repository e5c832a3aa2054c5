using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorMap.Hosting.Tests.Deploy;

/// <summary>docker-compose.yml as the checks read it: its services, their environment, commands and durations.</summary>
internal sealed partial class ComposeFile(string text)
{
    public string Text { get; } = text;

    public object? Root { get; } = Yaml.LoadAll(text).Single();

    public IReadOnlyDictionary<string, object?> Services =>
        Yaml.Map(Root, "services").ToDictionary(kv => (string)kv.Key, kv => kv.Value, StringComparer.Ordinal);

    public object? Service(string name) => Services.GetValueOrDefault(name);

    /// <summary>A service's environment, in either of compose's forms (a mapping, or a list of K=V).</summary>
    public static IReadOnlyDictionary<string, string?> Environment(object? service)
    {
        var environment = Yaml.At(service, "environment");
        if (environment is IList<object?> list)
        {
            return list.Select(e => e?.ToString() ?? "").ToDictionary(
                e => e.Split('=', 2)[0], e => e.Contains('=', StringComparison.Ordinal) ? e.Split('=', 2)[1] : null, StringComparer.Ordinal);
        }
        return Yaml.Map(environment).ToDictionary(kv => (string)kv.Key, kv => kv.Value?.ToString(), StringComparer.Ordinal);
    }

    /// <summary>The words a service's container runs: its entrypoint and command.</summary>
    public static IReadOnlyList<string> Runs(object? service) =>
        [.. Yaml.Words(Yaml.At(service, "entrypoint")), .. Yaml.Words(Yaml.At(service, "command"))];

    /// <summary>A compose duration ("45s", "1m30s", "500ms"); null when absent or malformed.</summary>
    public static TimeSpan? Duration(string? text)
    {
        if (text is null || !WholeDuration().IsMatch(text))
        {
            return null;
        }
        var total = TimeSpan.Zero;
        foreach (Match part in DurationPart().Matches(text))
        {
            var value = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                "ms" => TimeSpan.FromMilliseconds(value),
                _ => TimeSpan.FromMicroseconds(value),
            };
        }
        return total;
    }

    [GeneratedRegex(@"^(\d+(\.\d+)?(h|ms|m|s|us))+$")]
    private static partial Regex WholeDuration();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(h|ms|m|s|us)")]
    private static partial Regex DurationPart();
}
