using ActorMap.Hocon;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorMap.Hosting.Nodes;

/// <summary>
/// The whole Main of actormap-seed and actormap-worker: flags, configuration, the Generic Host.
/// Bad flags or configuration exit 2 with what and where; a node that cannot start exits 1.
/// </summary>
public static class NodeProgram
{
    public static async Task<int> RunAsync(string[] args, NodeRole role)
    {
        HoconConfig config;
        try
        {
            var commandLine = NodeCommandLine.Parse(args, role);
            config = NodeConfig.Load(commandLine.ConfigFile, commandLine.Overrides);
        }
        catch (Exception e) when (e is ArgumentException or HoconException or FileNotFoundException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 2;
        }
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Services.AddActorMapNode(config, role);
        try
        {
            using var host = builder.Build();
            await host.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or System.Net.Sockets.SocketException or HoconException)
        {
            await Console.Error.WriteLineAsync($"error: the node could not start: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
