using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ActorMap.Hosting.Client;
using ActorMap.Messages.Compute;

namespace ActorMap.Client.Commands;

/// <summary><c>actormap status --seed HOST:PORT [--json]</c>: the cluster's members and running jobs, like Petabridge.Cmd's <c>cluster show</c>.</summary>
internal static class StatusCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var seed = new Option<string>("--seed") { Description = "The Seed's client endpoint, HOST[:PORT] (default port 4080)", HelpName = "HOST[:PORT]", Required = true };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var tls = TlsOption.Create();
        var command = new Command("status", "Show the cluster's members (address, roles, state, reachability, workers, chunks done, uptime) and running jobs")
        {
            seed, json, tls,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var address = parse.GetValue(seed)!;
            StatusReply reply;
            await using (var client = ClusterMapRunner.Connect(address, TlsOption.Credentials(environment, parse.GetValue(tls))))
            {
                try
                {
                    reply = await client.StatusAsync(TimeSpan.FromSeconds(10), cancellationToken);
                }
                catch (ClusterJobException e)
                {
                    environment.Stderr.WriteLine($"error: {e.Message}");
                    return ExitCodes.JobFailed;
                }
            }
            environment.Stdout.WriteLine(parse.GetValue(json) ? Json(reply) : Table(reply));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Json(StatusReply reply) => JsonSerializer.Serialize(new
    {
        leader = reply.Leader,
        lateResultsDropped = reply.LateResultsDropped,
        chunksRedispatched = reply.ChunksRedispatched,
        dashboardUrl = reply.DashboardUrl,
        members = reply.Members.Select(m => new
        {
            address = m.Address, roles = m.Roles.ToArray(), status = m.Status, reachable = m.Reachable,
            workers = m.Workers, chunksDone = m.ChunksDone, uptimeSeconds = Math.Round(m.UptimeSeconds, 1),
            lateResultsDropped = m.LateResultsDropped, chunksRedispatched = m.ChunksRedispatched,
        }),
        jobs = reply.Jobs.Select(j => new { jobId = j.JobId, elements = j.Elements, elementsDone = j.ElementsDone, chunks = j.Chunks, chunksDone = j.ChunksDone }),
    }, new JsonSerializerOptions { WriteIndented = true });

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
