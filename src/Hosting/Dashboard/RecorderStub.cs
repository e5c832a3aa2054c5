// TEMPORARY until refs/heads/telemetry lands: the shared contract, to build against. Deleted at the merge.
#pragma warning disable
namespace ActorMap.Compute.Telemetry
{
    public enum ChunkOutcome { Done, Failed, Redispatched }
    public sealed record ChunkSpan(int Chunk, long FirstElement, int Elements, string Node, string Worker, TimeSpan Start, TimeSpan Duration, ChunkOutcome Outcome);
    public readonly record struct JobCounters(int ChunksQueued, int ChunksInFlight, int ChunksDone, int Retries, int Redispatched, long LateResultsDropped, long ElementsDone);
    public sealed record JobFailureView(long ElementIndex, string ErrorType, string Message, string Node, string Worker, string StackTrace);
    internal sealed class JobRecorder
    {
        public long JobId { get; } public string Function { get; } = ""; public long Elements { get; } public int Chunks { get; }
        public int Workers { get; } public DateTimeOffset StartedAt { get; } public DateTimeOffset? EndedAt { get; }
        public string? Outcome { get; } public JobFailureView? Failure { get; }
        public JobCounters Counters() => default;
        public int SpanCount { get; }
        public IReadOnlyList<ChunkSpan> SpansFrom(int index) => [];
    }
}
namespace ActorMap.Hosting.Jobs
{
    internal static class RecorderStubExtensions
    {
        extension(ClusterJob job)
        {
            public ActorMap.Compute.Telemetry.JobRecorder? Recorder => null;
        }
    }
}
