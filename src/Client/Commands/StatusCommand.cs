using System.CommandLine;
using System.Globalization;
using System.Runtime.CompilerServices;
using ActorMap.Hosting.Client;
using ActorMap.Messages.Compute;

namespace ActorMap.Client.Commands;

/// <summary>
/// <c>actormap status --seed HOST:PORT [--json] [--watch]</c>: the cluster's members and running jobs, like
/// Petabridge.Cmd's <c>cluster show</c>; with <c>--watch</c>, redrawn every second until Ctrl+C.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var seed = new Option<string>("--seed") { Description = "The Seed's client endpoint, HOST[:PORT] (default port 4080)", HelpName = "HOST[:PORT]", Required = true };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table (with --watch: one JSON object per line, per refresh)" };
        var watch = new Option<bool>("--watch") { Description = "Redraw every second, with a progress bar per running job, until Ctrl+C (exit 0) or until the Seed goes away (exit 1)" };
        var tls = TlsOption.Create();
        var command = new Command("status", "Show the cluster's members (address, roles, state, reachability, workers, chunks done, uptime) and running jobs")
        {
            seed, json, watch, tls,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var address = parse.GetValue(seed)!;
            await using var client = ClusterMapRunner.Connect(address, TlsOption.Credentials(environment, parse.GetValue(tls)));
            if (parse.GetValue(watch))
            {
                return await WatchAsync(environment, client, parse.GetValue(json), TimeProvider.System, cancellationToken);
            }
            StatusReply reply;
            try
            {
                reply = await client.StatusAsync(TimeSpan.FromSeconds(10), cancellationToken);
            }
            catch (ClusterJobException e)
            {
                environment.Stderr.WriteLine($"error: {e.Message}");
                return ExitCodes.JobFailed;
            }
            environment.Stdout.WriteLine(parse.GetValue(json) ? StatusJson.Document(reply) : Table(reply));
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> WatchAsync(CliEnvironment environment, ClusterClient client, bool json, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(StatusWatch.RefreshInterval, time);
        var watch = new StatusWatch(new SeedStatusSource(client, StatusWatch.CallTimeout), timer.WaitForNextTickAsync);
        var end = json
            ? await watch.RunAsync(reply => environment.Stdout.WriteLine(StatusJson.Line(reply, time.GetUtcNow())), cancellationToken)
            : await ShowLiveAsync(environment.Stdout, environment.StdoutIsTerminal, watch, time, cancellationToken);
        if (end.Error is not null)
        {
            environment.Stderr.WriteLine(end.Error);
        }
        return end.ExitCode;
    }

    // Not inlined, so Spectre.Console is loaded only when a live view is really drawn.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task<WatchEnd> ShowLiveAsync(TextWriter stdout, bool terminal, StatusWatch watch, TimeProvider time, CancellationToken cancellationToken) =>
        Output.LiveStatus.ShowAsync(stdout, terminal, watch, time, cancellationToken);

    private static string Table(StatusReply reply)
    {
        var lines = new List<string>
        {
            $"{"ADDRESS",-44} {"ROLES",-8} {"STATUS",-8} {"REACHABLE",-9} {"WORKERS",7} {"CHUNKS",8} {"UPTIME",8}",
        };
        foreach (var m in reply.Members)
        {
            var leader = m.Address == reply.Leader ? " (leader)" : "";
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{m.Address,-44} {string.Join(',', m.Roles),-8} {m.Status,-8} {(m.Reachable ? "yes" : "NO"),-9} {m.Workers,7} {m.ChunksDone,8} {m.UptimeSeconds,7:0}s{leader}"));
        }
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"chunks re-dispatched from lost nodes: {reply.ChunksRedispatched}; late results dropped: {reply.LateResultsDropped}"));
        lines.Add(reply.Jobs.Count == 0 ? "no jobs running" : $"{reply.Jobs.Count} job(s) running:");
        foreach (var j in reply.Jobs)
        {
            lines.Add($"  job {j.JobId}: {j.ElementsDone}/{j.Elements} elements, {j.ChunksDone}/{j.Chunks} chunks");
        }
        return string.Join(Environment.NewLine, lines);
    }
}
