using System.Text.Json;

namespace ActorMap.MultiNode.Tests.Support;

/// <summary>What <c>actormap status --json</c> prints.</summary>
public sealed record ClusterStatus(
    string? Leader, long LateResultsDropped, long ChunksRedispatched, IReadOnlyList<MemberStatus> Members, IReadOnlyList<JobStatus> Jobs)
{
    // Strict on purpose: a field missing from the console's JSON is a broken contract, not a zero.
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static ClusterStatus Parse(string json) =>
        JsonSerializer.Deserialize<ClusterStatus>(json, s_options) ?? throw new JsonException("status printed null");

    /// <summary>The node's member entry, or null when the cluster does not list it.</summary>
    public MemberStatus? MemberOf(NodeProcess node) => Members.SingleOrDefault(m => node.IsAddress(m.Address));

    public override string ToString() =>
        $"leader {Leader}; late results dropped {LateResultsDropped}; chunks re-dispatched {ChunksRedispatched}; members: {string.Join("; ", Members)}; jobs: {string.Join("; ", Jobs)}";
}

public sealed record MemberStatus(
    string Address,
    IReadOnlyList<string> Roles,
    string Status,
    bool Reachable,
    int Workers,
    long ChunksDone,
    double UptimeSeconds,
    long LateResultsDropped,
    long ChunksRedispatched)
{
    public bool IsUp => Status == "Up";

    public override string ToString() =>
        $"{Address} [{string.Join(",", Roles)}] {Status}{(Reachable ? "" : " unreachable")} workers={Workers} chunksDone={ChunksDone} late={LateResultsDropped} redispatched={ChunksRedispatched}";
}

public sealed record JobStatus(long JobId, long Elements, long ElementsDone, long Chunks, long ChunksDone)
{
    public override string ToString() => $"job {JobId}: {ElementsDone}/{Elements} elements, {ChunksDone}/{Chunks} chunks";
}
