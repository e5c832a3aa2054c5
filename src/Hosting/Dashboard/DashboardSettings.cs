using ActorMap.Hocon;

namespace ActorMap.Hosting.Dashboard;

/// <summary>
/// The Seed's live dashboard, read once from <c>actormap.dashboard</c>. With TLS it shares the
/// client endpoint's port (ALPN picks HTTP/1.1 for a browser, h2 for gRPC); without TLS it needs a
/// port of its own, because Kestrel cannot tell plaintext HTTP/2 from HTTP/1.1 on one port.
/// </summary>
internal sealed record DashboardSettings(bool Enabled, int Port)
{
    public const string Section = "actormap.dashboard";

    public const int DefaultPort = 4081;

    public static DashboardSettings Default { get; } = new(true, DefaultPort);

    /// <summary>Off: for code that builds a Seed without configuration and wants no second port.</summary>
    public static DashboardSettings Off { get; } = new(false, 0);

    /// <exception cref="ArgumentException">The port is not one (the key and value are named).</exception>
    public static DashboardSettings From(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var port = config.GetInt($"{Section}.port", DefaultPort);
        if (port is < 0 or > 65535)
        {
            throw new ArgumentException($"{Section}.port must be a port (0-65535; 0 picks a free one), got {port}");
        }
        return new DashboardSettings(config.GetBoolean($"{Section}.enabled", true), port);
    }
}
