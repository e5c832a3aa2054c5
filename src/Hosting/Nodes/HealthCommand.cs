using System.Net;
using System.Net.Sockets;
using System.Text;
using ActorMap.Hocon;

namespace ActorMap.Hosting.Nodes;

/// <summary>
/// `actormap-seed health` and `actormap-worker health [--live] [--config PATH]`: asks the node on
/// this machine (<see cref="HealthEndpoint"/>) for its member status. Ready (the default) exits 0
/// for an Up member; --live exits 0 for any answer, so a node still joining is not restarted.
/// Anything else exits 1 with one line saying why, which is what Docker and Kubernetes read.
/// </summary>
internal static class HealthCommand
{
    public const string Verb = "health";

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(string[] args, NodeRole role)
    {
        var live = false;
        string? config = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--live":
                    live = true;
                    break;
                case "--config" when i + 1 < args.Length:
                    config = args[++i];
                    break;
                default:
                    await Console.Error.WriteLineAsync($"error: unknown argument '{args[i]}'; usage: {Usage(role)}").ConfigureAwait(false);
                    return 2;
            }
        }
        int port;
        try
        {
            port = NodeConfig.Load(config, new Dictionary<string, string>()).GetInt("actormap.health.port", 0);
        }
        catch (Exception e) when (e is HoconException or FileNotFoundException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        if (port is <= 0 or > 65535)
        {
            await Console.Error.WriteLineAsync($"unhealthy: the health endpoint is off (actormap.health.port = {port}; set ACTORMAP_HEALTH_PORT on the node and here)").ConfigureAwait(false);
            return 1;
        }
        var status = await AskAsync(port).ConfigureAwait(false);
        var healthy = status is not null && (live || status == "Up");
        await (healthy ? Console.Out : Console.Error).WriteLineAsync(
            status is null ? $"unhealthy: no node answers on 127.0.0.1:{port} (actormap.health.port)"
            : healthy ? status
            : $"unhealthy: this node is {status}, not Up").ConfigureAwait(false);
        return healthy ? 0 : 1;
    }

    private static string Usage(NodeRole role) => $"{(role == NodeRole.Seed ? "actormap-seed" : "actormap-worker")} health [--live] [--config PATH]";

    private static async Task<string?> AskAsync(int port)
    {
        using var deadline = new CancellationTokenSource(s_timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, deadline.Token).ConfigureAwait(false);
            using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
            var line = await reader.ReadLineAsync(deadline.Token).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(line) ? null : line.Trim();
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return null;
        }
    }
}
