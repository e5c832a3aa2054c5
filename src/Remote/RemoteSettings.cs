using ActorMap.Hocon;
using ActorMap.Messages;

namespace ActorMap.Remote;

/// <summary>
/// How a node listens, identifies itself and treats its peers; read once from
/// <c>actormap.remote</c> (see the library's reference.conf for every key's meaning).
/// </summary>
public sealed record RemoteSettings
{
    private const string Section = "actormap.remote";
    private const string SecretVariable = "ACTORMAP_SECRET";

    private static readonly Lazy<HoconConfig> s_reference = new(LoadReference);

    /// <summary>Cluster name; null means the actor system's name.</summary>
    public string? ClusterName { get; init; }

    /// <summary>Interface to bind, e.g. 0.0.0.0 or 127.0.0.1.</summary>
    public string Hostname { get; init; } = "127.0.0.1";

    /// <summary>Port to bind; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Host peers dial; null or empty means derived from <see cref="Hostname"/>.</summary>
    public string? PublicHostname { get; init; }

    /// <summary>Port peers dial; 0 means the bound port.</summary>
    public int PublicPort { get; init; }

    public string Secret { get; init; } = "";

    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(2);

    public int ConnectAttempts { get; init; } = 3;

    public TimeSpan ConnectBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RetryGate { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan AddressTerminatedGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest frame sent or accepted, in bytes.</summary>
    public int MaximumFrameSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>Payload bytes after which the writer closes one batch frame and starts the next.</summary>
    public int BatchSize { get; init; } = 256 * 1024;

    /// <summary>Sent in the handshake; only a spec that checks refusal sets another.</summary>
    internal uint ProtocolVersion { get; init; } = RemoteProtocol.Version;

    /// <summary>
    /// Reads <c>actormap.remote</c> and <c>actormap.cluster.name</c> over the library's defaults;
    /// the environment variable ACTORMAP_SECRET, when set, overrides the secret.
    /// </summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names its full key path.</exception>
    public static RemoteSettings FromConfig(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.WithFallback(s_reference.Value);
        var settings = new RemoteSettings
        {
            ClusterName = c.HasPath("actormap.cluster.name") ? c.GetString("actormap.cluster.name") : null,
            Hostname = c.GetString($"{Section}.hostname"),
            Port = c.GetInt($"{Section}.port"),
            PublicHostname = c.GetString($"{Section}.public-hostname"),
            PublicPort = c.GetInt($"{Section}.public-port"),
            Secret = Environment.GetEnvironmentVariable(SecretVariable) is { Length: > 0 } fromEnv
                ? fromEnv
                : c.GetString($"{Section}.secret"),
            HandshakeTimeout = c.GetTimeSpan($"{Section}.handshake-timeout"),
            ConnectTimeout = c.GetTimeSpan($"{Section}.connect-timeout"),
            ConnectAttempts = c.GetInt($"{Section}.connect-attempts"),
            ConnectBackoff = c.GetTimeSpan($"{Section}.connect-backoff"),
            RetryGate = c.GetTimeSpan($"{Section}.retry-gate"),
            AddressTerminatedGrace = c.GetTimeSpan($"{Section}.address-terminated-grace"),
            MaximumFrameSize = checked((int)c.GetByteSize($"{Section}.maximum-frame-size")),
            BatchSize = checked((int)c.GetByteSize($"{Section}.batch-size")),
        };
        settings.Validate();
        return settings;
    }

    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        CheckPort("port", Port);
        CheckPort("public-port", PublicPort);
        CheckPositive("handshake-timeout", HandshakeTimeout);
        CheckPositive("connect-timeout", ConnectTimeout);
        CheckPositive("address-terminated-grace", AddressTerminatedGrace);
        CheckPositive("retry-gate", RetryGate);
        if (ConnectBackoff < TimeSpan.Zero)
        {
            throw new ArgumentException($"{Section}.connect-backoff must not be negative, got {ConnectBackoff}");
        }
        if (ConnectAttempts < 1)
        {
            throw new ArgumentException($"{Section}.connect-attempts must be at least 1, got {ConnectAttempts}");
        }
        if (MaximumFrameSize < 1024)
        {
            throw new ArgumentException($"{Section}.maximum-frame-size must be at least 1KiB, got {MaximumFrameSize}");
        }
        if (BatchSize < 1 || BatchSize > MaximumFrameSize)
        {
            throw new ArgumentException($"{Section}.batch-size must be between 1 and maximum-frame-size, got {BatchSize}");
        }
        if (string.IsNullOrWhiteSpace(Hostname))
        {
            throw new ArgumentException($"{Section}.hostname must not be empty");
        }
    }

    private static void CheckPort(string key, int port)
    {
        if (port is < 0 or > 65535)
        {
            throw new ArgumentException($"{Section}.{key} must be between 0 and 65535, got {port}");
        }
    }

    private static void CheckPositive(string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{Section}.{key} must be positive, got {value}");
        }
    }

    // The generated record ToString would print the secret into logs.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("ClusterName = ").Append(ClusterName)
            .Append(", Bind = ").Append(Hostname).Append(':').Append(Port)
            .Append(", Public = ").Append(PublicHostname).Append(':').Append(PublicPort)
            .Append(", Secret = ").Append(Secret.Length == 0 ? "(none)" : "(set)");
        return true;
    }

    private static HoconConfig LoadReference()
    {
        using var stream = typeof(RemoteSettings).Assembly.GetManifestResourceStream("ActorMap.Remote.reference.conf")
            ?? throw new InvalidOperationException("ActorMap.Remote.reference.conf is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return HoconConfig.Parse(reader.ReadToEnd(), resolveEnv: false);
    }
}
