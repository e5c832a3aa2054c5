using ActorMap.Hocon;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ActorMap.Hosting.Nodes;

/// <summary>
/// The whole Main of actormap-seed and actormap-worker: flags, configuration, the host. Bad flags
/// or configuration exit 2 with what and where; a node that cannot start, or that the cluster
/// downed, exits 1 (a restart policy then brings it back as a new incarnation).
/// </summary>
public static class NodeProgram
{
    public static async Task<int> RunAsync(string[] args, NodeRole role)
    {
        NodeSettings settings;
        try
        {
            var commandLine = NodeCommandLine.Parse(args, role);
            settings = NodeSettings.From(NodeConfig.Load(commandLine.ConfigFile, commandLine.Overrides), role);
        }
        catch (Exception e) when (e is ArgumentException or HoconException or FileNotFoundException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        NodeHost node;
        try
        {
            node = await NodeHost.StartAsync(settings, Logging).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or System.Net.Sockets.SocketException or HoconException or Akka.Configuration.ConfigurationException)
        {
            await Console.Error.WriteLineAsync($"error: the node could not start: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        await using (node.ConfigureAwait(false))
        {
            var system = node.System;
            await node.WaitForShutdownAsync().ConfigureAwait(false);
            // The actor system ended on its own (downed, or refused by the cluster's TLS): not a clean
            // stop asked for by a signal, so a restart policy should bring it back. (Akka keeps its
            // TLS failure reason internal: known by name only.)
            var reason = Akka.Actor.CoordinatedShutdown.Get(system).ShutdownReason;
            return reason is Akka.Actor.CoordinatedShutdown.ClusterDowningReason || reason?.GetType().Name == "TlsHandshakeFailureReason" ? 1 : 0;
        }
    }

    public static void Logging(ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        logging.AddConsole(o => o.FormatterName = NodeLogFormatter.Name).AddConsoleFormatter<NodeLogFormatter, ConsoleFormatterOptions>();
        // Kestrel and the host say a lot at Information that a node operator does not need.
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("Grpc", LogLevel.Warning);
    }
}
