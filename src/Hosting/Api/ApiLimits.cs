using System.Globalization;
using ActorMap.Hocon;

namespace ActorMap.Hosting.Api;

/// <summary>
/// What the Seed's client endpoint accepts, read once from <c>actormap.api.limits</c> (see
/// reference.conf). Each refusal names its key and value, from <see cref="Describe"/>.
/// </summary>
internal sealed record ApiLimits(
    long MaxElementsPerJob,
    int MaxConcurrentJobs,
    int MaxLambdaLength,
    int MaxConnections,
    int MaxMessageSize,
    TimeSpan HandshakeTimeout,
    TimeSpan InputIdleTimeout)
{
    public const string Section = "actormap.api.limits";

    public const string MaxElementsPerJobKey = "max-elements-per-job";
    public const string MaxConcurrentJobsKey = "max-concurrent-jobs";
    public const string MaxLambdaLengthKey = "max-lambda-length";
    public const string MaxConnectionsKey = "max-connections";
    public const string MaxMessageSizeKey = "max-message-size";
    public const string HandshakeTimeoutKey = "handshake-timeout";
    public const string InputIdleTimeoutKey = "input-idle-timeout";

    /// <summary>The shipped defaults, for code that builds a Seed without configuration.</summary>
    public static ApiLimits Default { get; } = new(100_000_000, 32, 65_536, 256, 8 * 1024 * 1024, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));

    /// <exception cref="ArgumentException">A value is out of range (the key and value are named).</exception>
    public static ApiLimits From(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = Default;
        var messageSize = config.GetByteSize($"{Section}.{MaxMessageSizeKey}", d.MaxMessageSize);
        return new ApiLimits(
            Positive(MaxElementsPerJobKey, config.GetLong($"{Section}.{MaxElementsPerJobKey}", d.MaxElementsPerJob)),
            (int)Positive(MaxConcurrentJobsKey, config.GetInt($"{Section}.{MaxConcurrentJobsKey}", d.MaxConcurrentJobs)),
            (int)Positive(MaxLambdaLengthKey, config.GetInt($"{Section}.{MaxLambdaLengthKey}", d.MaxLambdaLength)),
            (int)Positive(MaxConnectionsKey, config.GetInt($"{Section}.{MaxConnectionsKey}", d.MaxConnections)),
            // gRPC takes an int; below 64 KiB not even a small job's first message fits.
            messageSize is >= 64 * 1024 and <= int.MaxValue ? (int)messageSize
                : throw new ArgumentException($"{Key(MaxMessageSizeKey)} must be between 64KiB and 2GiB, got {messageSize} bytes"),
            Duration(HandshakeTimeoutKey, config.GetTimeSpan($"{Section}.{HandshakeTimeoutKey}", d.HandshakeTimeout)),
            Duration(InputIdleTimeoutKey, config.GetTimeSpan($"{Section}.{InputIdleTimeoutKey}", d.InputIdleTimeout)));
    }

    /// <summary>The full key, for messages: <c>actormap.api.limits.max-concurrent-jobs</c>.</summary>
    public static string Key(string name) => $"{Section}.{name}";

    /// <summary>"(actormap.api.limits.NAME = VALUE)": what a refusal ends with, so the operator knows what to raise.</summary>
    public static string Describe(string name, object value) =>
        string.Create(CultureInfo.InvariantCulture, $"({Key(name)} = {value})");

    private static long Positive(string name, long value) =>
        value >= 1 ? value : throw new ArgumentException($"{Key(name)} must be at least 1, got {value}");

    private static TimeSpan Duration(string name, TimeSpan value) =>
        value > TimeSpan.Zero ? value : throw new ArgumentException($"{Key(name)} must be a positive duration, got {value}");
}
