using System.Globalization;
using System.Text.Json;

namespace ActorMap.Hosting.Nodes;

/// <summary>
/// The hosts' flags, which override cluster.hocon: --config PATH, --hostname H, --port N, and on
/// a worker --seed HOST:PORT and --workers N. Bad flags throw <see cref="ArgumentException"/>
/// with what and where, for the host to print and exit 2.
/// </summary>
public sealed record NodeCommandLine(string? ConfigFile, IReadOnlyDictionary<string, string> Overrides)
{
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
                    overrides["actormap.remote.hostname"] = Quote(Value());
                    break;
                case "--public-hostname":
                    overrides["actormap.remote.public-hostname"] = Quote(Value());
                    break;
                case "--port":
                    overrides["actormap.remote.port"] = Port(Value(), flag).ToString(CultureInfo.InvariantCulture);
                    break;
                case "--seed" when role == NodeRole.Worker:
                    var seed = Value();
                    var colon = seed.LastIndexOf(':');
                    if (colon <= 0)
                    {
                        throw new ArgumentException($"--seed '{seed}' is not HOST:PORT");
                    }
                    Port(seed[(colon + 1)..], "--seed");
                    overrides["actormap.cluster.seed-nodes"] = $"[{Quote(seed)}]";
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
        ? "usage: actormap-seed [--config PATH] [--hostname H] [--public-hostname H] [--port N]"
        : "usage: actormap-worker --seed HOST:PORT [--config PATH] [--hostname H] [--public-hostname H] [--port N] [--workers N]";

    private static int Port(string text, string flag) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new ArgumentException($"{flag}: '{text}' is not a port (0-65535)");

    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
