using System.Runtime.InteropServices;
using ActorMap.Hocon;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ActorMap.Hosting.Nodes;

/// <summary>
/// The whole Main of actormap-seed and actormap-worker: flags, configuration, the host. Bad flags
/// or configuration exit 2 with what and where; a node that cannot start exits 1. A WorkerNode
/// the cluster downs starts again in process as a new incarnation (actormap.worker.rejoin), or
/// with rejoin off exits 1, for a restart policy to bring back; a downed Seed exits 1.
/// </summary>
public static class NodeProgram
{
    public static async Task<int> RunAsync(string[] args, NodeRole role)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == HealthCommand.Verb)
        {
            return await HealthCommand.RunAsync(args[1..], role).ConfigureAwait(false);
        }
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
        var attempt = 0;
        while (true)
        {
            var started = Environment.TickCount64;
            var (code, downed) = await RunOnceAsync(settings).ConfigureAwait(false);
            if (downed is null || settings.Role != NodeRole.Worker || !settings.Rejoin.Enabled)
            {
                return code;
            }
            // A node that stayed a member for a while is downed afresh, not in a loop: back to the shortest wait.
            attempt = Environment.TickCount64 - started > settings.Rejoin.MaxBackoff.TotalMilliseconds ? 0 : attempt;
            var wait = settings.Rejoin.Backoff(attempt++);
            using var logs = LoggerFactory.Create(Logging);
            logs.CreateLogger("ActorMap.Node").LogWarning(
                "{Why}: rejoining as a new incarnation in {Seconds:0.#} s (actormap.worker.rejoin)", downed, wait.TotalSeconds);
            if (!await WaitUnlessSignalledAsync(wait).ConfigureAwait(false))
            {
                return 0;
            }
        }
    }

    /// <summary>Runs the node until it stops; <c>Downed</c> says why when the cluster, not a signal, ended it.</summary>
    private static async Task<(int Code, string? Downed)> RunOnceAsync(NodeSettings settings)
    {
        NodeHost node;
        try
        {
            node = await NodeHost.StartAsync(settings, Logging).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or System.Net.Sockets.SocketException or HoconException or Akka.Configuration.ConfigurationException)
        {
            await Console.Error.WriteLineAsync($"error: the node could not start: {e.Message}").ConfigureAwait(false);
            return (1, null);
        }
        var system = node.System;
        var removed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Akka.Cluster.Cluster.Get(system).RegisterOnMemberRemoved(() => removed.TrySetResult());
        var shutdown = node.WaitForShutdownAsync();
        // A worker thread stuck in user code keeps the actor system from ever terminating (Akka
        // cannot interrupt it): once this node is out of the cluster, wait for that only so long.
        var stuck = removed.Task.ContinueWith(_ => Task.Delay(settings.AbandonUserCodeAfter), TaskScheduler.Default).Unwrap();
        var ended = await Task.WhenAny(shutdown, stuck).ConfigureAwait(false);
        // The actor system ended on its own (downed, or refused by the cluster's TLS): not a clean
        // stop asked for by a signal, so it comes back. (Akka keeps its TLS failure reason
        // internal: known by name only; a refused certificate does not get better by retrying.)
        var reason = Akka.Actor.CoordinatedShutdown.Get(system).ShutdownReason;
        var downed = reason switch
        {
            Akka.Actor.CoordinatedShutdown.ClusterDowningReason => "downed by the cluster",
            Akka.Actor.CoordinatedShutdown.ClusterJoinUnsuccessfulReason =>
                "not welcomed by the Seed in time (akka.cluster.shutdown-after-unsuccessful-join-seed-nodes)",
            _ => null,
        };
        var code = downed is not null || reason?.GetType().Name == "TlsHandshakeFailureReason" ? 1 : 0;
        if (ended == shutdown)
        {
            await node.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            // Abandoned, not awaited: its stuck threads end with the user code they run, or with the process.
            Akka.Event.LoggingExtensions.Warning(system.Log, "worker threads still run user code {0} s after this node left the cluster; " +
                "abandoning them (their results go nowhere; actormap.shutdown.abandon-user-code-after)", settings.AbandonUserCodeAfter.TotalSeconds);
            _ = node.DisposeAsync().AsTask();
        }
        return (code, downed);
    }

    /// <summary>False when SIGTERM or SIGINT arrived during the wait: the operator wants the node gone.</summary>
    private static async Task<bool> WaitUnlessSignalledAsync(TimeSpan wait)
    {
        using var signalled = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            signalled.Cancel();
        }
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        try
        {
            await Task.Delay(wait, signalled.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
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
