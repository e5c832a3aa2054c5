using System.Globalization;
using System.Text.Json;

namespace ActorMap.Hosting.Nodes;

/// <summary>
/// The hosts' flags, which override cluster.hocon: --config PATH, --hostname H, --public-hostname H,
/// --port N, --tls DIR, on the Seed --api-port N and --dashboard-port N, and on a worker --seed HOST[:4053] and --workers N. Bad
/// flags throw <see cref="ArgumentException"/> with what and where, for the host to print and exit 2.
/// </summary>
internal sealed record NodeCommandLine(string? ConfigFile, IReadOnlyDictionary<string, string> Overrides)
{
    public const int DefaultClusterPort = 4053;

    public static NodeCommandLine Parse(string[] args, NodeRole role)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? config = null;
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{flag} needs a value");
            switch (flag)
            {
                case "--config":
                    config = Value();
                    break;
                case "--hostname":
                    overrides["akka.remote.dot-netty.tcp.hostname"] = Quote(Value());
                    break;
                case "--public-hostname":
                    overrides["akka.remote.dot-netty.tcp.public-hostname"] = Quote(Value());
                    break;
                case "--port":
                    overrides["akka.remote.dot-netty.tcp.port"] = Port(Value(), flag).ToString(CultureInfo.InvariantCulture);
                    break;
                case "--tls":
                    overrides["actormap.tls.dir"] = Quote(Path.GetFullPath(Value()));
                    break;
                case "--api-port" when role == NodeRole.Seed:
                    overrides["actormap.api.port"] = Port(Value(), flag).ToString(CultureInfo.InvariantCulture);
                    break;
                case "--dashboard-port" when role == NodeRole.Seed:
                    overrides["actormap.dashboard.port"] = Port(Value(), flag).ToString(CultureInfo.InvariantCulture);
                    break;
                case "--seed" when role == NodeRole.Worker:
                    var (host, port) = HostAndPort(Value(), "--seed", DefaultClusterPort);
                    // The system name is the cluster's, known only once the configuration is read: a substitution.
                    overrides["akka.cluster.seed-nodes"] = $"[\"akka.tcp://\"${{actormap.cluster-name}}\"@{host}:{port.ToString(CultureInfo.InvariantCulture)}\"]";
                    break;
                case "--workers" when role == NodeRole.Worker:
                    var text = Value();
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var workers) || workers < 1)
                    {
                        throw new ArgumentException($"--workers '{text}' must be a whole number of at least 1");
                    }
                    overrides["actormap.compute.workers"] = text;
                    break;
                default:
                    throw new ArgumentException($"unknown flag '{flag}'; {Usage(role)}");
            }
        }
        return new NodeCommandLine(config, overrides);
    }

    public static string Usage(NodeRole role) => role == NodeRole.Seed
        ? "usage: actormap-seed [--config PATH] [--hostname H] [--public-hostname H] [--port N] [--api-port N] [--dashboard-port N] [--tls DIR] | actormap-seed health [--live]"
        : "usage: actormap-worker --seed HOST[:PORT] [--config PATH] [--hostname H] [--public-hostname H] [--port N] [--workers N] [--tls DIR] | actormap-worker health [--live]";

    /// <summary>HOST or HOST:PORT, with <paramref name="defaultPort"/> when the port is left out.</summary>
    public static (string Host, int Port) HostAndPort(string text, string flag, int defaultPort)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.LastIndexOf(':');
        var host = colon < 0 ? text : text[..colon];
        if (host.Length == 0 || host.Contains('"', StringComparison.Ordinal) || host.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{flag} '{text}' is not HOST[:PORT]");
        }
        return (host, colon < 0 ? defaultPort : Port(text[(colon + 1)..], flag));
    }

    private static int Port(string text, string flag) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new ArgumentException($"{flag}: '{text}' is not a port (0-65535)");

    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
