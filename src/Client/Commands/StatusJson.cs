using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActorMap.Messages.Compute;

namespace ActorMap.Client.Commands;

/// <summary><c>status --json</c>'s object, and <c>status --watch --json</c>'s line: the same object, on one line, with the time it was asked.</summary>
internal static class StatusJson
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public static string Document(StatusReply reply) => JsonSerializer.Serialize(Shape(reply), s_indented);

    public static string Line(StatusReply reply, DateTimeOffset at)
    {
        var line = JsonSerializer.SerializeToNode(Shape(reply))!.AsObject();
        line.Insert(0, "time", JsonValue.Create(at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)));
        return line.ToJsonString();
    }

    private static object Shape(StatusReply reply) => new
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
    };
}
