using System.Text.Json;
using ActorMap.Hocon;
using Akka.Actor;

namespace ActorMap.Compute;

/// <summary>
/// Reads <c>actormap.compute.supervision</c>, and the text forms of its values (the console's
/// flags, a job's fields on the wire). Every error names the setting and the bad value.
/// </summary>
internal static class SupervisionConfig
{
    public const string Key = "actormap.compute.supervision";

    private const string RetriesKey = "actormap.compute.retries-per-chunk";

    /// <summary>
    /// The object form <c>supervision { default, max-retries, within, directives }</c>, or the older
    /// scalar form <c>supervision = stop</c>: a string in a later file replaces the whole object
    /// (HOCON does not merge a string with an object), so it sets the default directive alone.
    /// Either way <c>max-retries</c> falls back to the older <c>retries-per-chunk</c>.
    /// </summary>
    public static (SupervisionPolicy Policy, int MaxRetries, TimeSpan Within) Read(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var olderRetries = config.GetInt(RetriesKey, 2);
        using var compute = JsonDocument.Parse(config.GetConfig("actormap.compute").ToJson(indented: false));
        if (!compute.RootElement.TryGetProperty("supervision", out var supervision) || supervision.ValueKind == JsonValueKind.Null)
        {
            return (new SupervisionPolicy(), CheckedRetries(olderRetries, RetriesKey), Timeout.InfiniteTimeSpan);
        }
        if (supervision.ValueKind == JsonValueKind.String)
        {
            return (new SupervisionPolicy(ParseDirective(supervision.GetString()!, Key)), CheckedRetries(olderRetries, RetriesKey), Timeout.InfiniteTimeSpan);
        }
        if (supervision.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"{Key} must be an object {{ default, max-retries, within, directives }} or one of restart, resume, stop, escalate; got {supervision.GetRawText()}");
        }
        var policy = new SupervisionPolicy(ParseDirective(config.GetString($"{Key}.default", "restart"), $"{Key}.default"))
        {
            Directives = Directives(supervision),
        };
        var maxRetries = CheckedRetries(config.GetInt($"{Key}.max-retries", olderRetries), $"{Key}.max-retries");
        var within = CheckedWindow(config.GetTimeSpan($"{Key}.within", Timeout.InfiniteTimeSpan), $"{Key}.within");
        return (policy, maxRetries, within);
    }

    public static Directive ParseDirective(string text, string key) => text switch
    {
        "restart" => Directive.Restart,
        "resume" => Directive.Resume,
        "stop" => Directive.Stop,
        "escalate" => Directive.Escalate,
        _ => throw new ArgumentException($"{key} must be restart, resume, stop or escalate, got '{text}'"),
    };

    /// <summary>A directive as the settings write it: restart, resume, stop or escalate.</summary>
    public static string NameOf(Directive directive) => directive switch
    {
        Directive.Resume => "resume",
        Directive.Stop => "stop",
        Directive.Escalate => "escalate",
        _ => "restart",
    };

    /// <summary><c>System.FormatException=resume</c>: one exception type's directive.</summary>
    public static KeyValuePair<string, Directive> ParseTypeDirective(string text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.LastIndexOf('=');
        var type = equals < 0 ? "" : text[..equals].Trim();
        if (type.Length == 0 || type.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"{key} must be TYPE=DIRECTIVE with an exception type's full name, such as System.FormatException=resume, got '{text}'");
        }
        return new(type, ParseDirective(text[(equals + 1)..].Trim(), $"{key} {type}"));
    }

    /// <summary>A duration as cluster.hocon writes one (10s, 500 ms, infinite), read by the same rules.</summary>
    public static TimeSpan ParseWindow(string text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        TimeSpan window;
        try
        {
            // Quoted, so nothing in the text can be read as HOCON syntax of its own.
            window = HoconConfig.Parse("window = " + JsonSerializer.Serialize(text), HoconOptions.WithoutEnvironment).GetTimeSpan("window");
        }
        catch (HoconException)
        {
            throw new ArgumentException($"{key} must be a duration such as 10s, 500ms or infinite, got '{text}'");
        }
        return window <= TimeSpan.Zero && window != Timeout.InfiniteTimeSpan
            ? throw new ArgumentException($"{key} must be a positive duration or infinite, got '{text}'")
            : window;
    }

    public static int CheckedRetries(int retries, string key) =>
        retries < 0 ? throw new ArgumentException($"{key} must not be negative, got {retries}") : retries;

    public static TimeSpan CheckedWindow(TimeSpan window, string key) =>
        window <= TimeSpan.Zero && window != Timeout.InfiniteTimeSpan
            ? throw new ArgumentException($"{key} must be a positive duration or infinite, got {window}")
            : window;

    private static Dictionary<string, Directive> Directives(JsonElement supervision)
    {
        var directives = new Dictionary<string, Directive>(StringComparer.Ordinal);
        if (!supervision.TryGetProperty("directives", out var entries) || entries.ValueKind == JsonValueKind.Null)
        {
            return directives;
        }
        if (entries.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"{Key}.directives must be an object such as {{ \"System.FormatException\" = resume }}, got {entries.GetRawText()}");
        }
        Collect(entries, "", directives);
        return directives;
    }

    // An unquoted key such as System.FormatException is a path in HOCON, so it arrives as nested
    // objects: each leaf's path is the type's full name.
    private static void Collect(JsonElement entries, string prefix, Dictionary<string, Directive> directives)
    {
        foreach (var entry in entries.EnumerateObject())
        {
            var type = prefix + entry.Name;
            var key = $"{Key}.directives.\"{type}\"";
            if (entry.Name.Length == 0 || entry.Name.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"{key} must name an exception type by its full name, such as \"System.FormatException\"");
            }
            switch (entry.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Collect(entry.Value, type + ".", directives);
                    break;
                case JsonValueKind.String:
                    directives[type] = ParseDirective(entry.Value.GetString()!, key);
                    break;
                default:
                    throw new ArgumentException($"{key} must be restart, resume, stop or escalate, got {entry.Value.GetRawText()}");
            }
        }
    }
}
