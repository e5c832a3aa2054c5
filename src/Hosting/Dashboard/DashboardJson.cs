using System.Text.Json;
using System.Text.Json.Serialization;
using ActorMap.Hosting.Jobs;

namespace ActorMap.Hosting.Dashboard;

/// <summary>
/// How the dashboard's JSON is written: snake_case like <c>status --json</c>, and the default
/// encoder, which escapes &lt;, &gt;, &amp; and quotes, so a job's lambda can never close a
/// script or a tag whatever a client submits. (The page also only ever sets textContent.)
/// </summary>
internal static class DashboardJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);
}

/// <summary>What <c>/api/overview</c> returns and <c>/events</c> sends each second.</summary>
internal sealed record Overview(DateTimeOffset At, string? DashboardUrl, MembersView? Cluster, string? ClusterError,
    IReadOnlyList<JobView> Running, IReadOnlyList<JobView> Recent);

/// <summary>One job as the jobs panel shows it. Counts the Seed does not have yet are null.</summary>
internal sealed record JobView(
    long Id,
    string Function,
    string State,
    long Elements,
    long ElementsDone,
    int Chunks,
    int ChunksDone,
    int? ChunksQueued,
    int? ChunksInFlight,
    int? Retries,
    int? Redispatched,
    long? LateResultsDropped,
    int? Workers,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    double? ElementsPerSecond,
    double? EtaSeconds,
    FailureView? Failure);

/// <summary>Why a job failed; <c>Worker</c> is the failing worker's actor path, which names its node.</summary>
internal sealed record FailureView(long ElementIndex, string ErrorType, string Message, string Worker, string StackTrace);
