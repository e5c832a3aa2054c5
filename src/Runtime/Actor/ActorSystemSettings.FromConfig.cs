using ActorMap.Hocon;
using Microsoft.Extensions.Logging;

namespace ActorMap.Runtime.Actor;

public sealed partial record ActorSystemSettings
{
    private const string Section = "actormap.actor";

    // Parsed on first use only: a system built from code never pays for the HOCON parse.
    private static readonly Lazy<HoconConfig> s_reference = new(LoadReference);

    /// <summary>
    /// Reads <c>actormap.actor</c>, with the library's reference.conf under it for missing keys.
    /// Clock and logger factory keep their defaults: they are objects, not configuration.
    /// </summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names its full key path.</exception>
    /// <exception cref="HoconException">A value has the wrong type.</exception>
    public static ActorSystemSettings FromConfig(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.WithFallback(s_reference.Value);
        var settings = new ActorSystemSettings
        {
            Throughput = c.GetInt($"{Section}.throughput"),
            PreferLocalQueue = c.GetBoolean($"{Section}.prefer-local-queue"),
            LogDeadLetters = c.GetInt($"{Section}.log-dead-letters"),
            AskTimeout = c.GetTimeSpan($"{Section}.ask-timeout"),
            LogLevel = ParseLogLevel(c.GetString($"{Section}.log-level")),
        };
        if (settings.Throughput < 1)
        {
            throw new ArgumentException($"{Section}.throughput must be at least 1, got {settings.Throughput}");
        }
        if (settings.LogDeadLetters < 0)
        {
            throw new ArgumentException($"{Section}.log-dead-letters must not be negative, got {settings.LogDeadLetters}");
        }
        if (settings.AskTimeout <= TimeSpan.Zero && settings.AskTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"{Section}.ask-timeout must be positive or infinite, got {settings.AskTimeout}");
        }
        return settings;
    }

    private static LogLevel ParseLogLevel(string text) => text switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "info" => LogLevel.Information,
        "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "critical" => LogLevel.Critical,
        "none" => LogLevel.None,
        _ => throw new ArgumentException(
            $"{Section}.log-level must be trace, debug, info, warning, error, critical or none, got '{text}'"),
    };

    private static HoconConfig LoadReference()
    {
        using var stream = typeof(ActorSystemSettings).Assembly.GetManifestResourceStream("ActorMap.Runtime.reference.conf")
            ?? throw new InvalidOperationException("ActorMap.Runtime.reference.conf is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return HoconConfig.Parse(reader.ReadToEnd(), resolveEnv: false);
    }
}
