using ActorMap.Compute.Jobs;
using ActorMap.Hocon;
using Akka.Actor;

namespace ActorMap.Compute;

/// <summary>
/// How a job runs. Set in code, or read from <c>actormap.compute</c> with <see cref="FromConfig"/>;
/// values left null fall back to the pool's defaults.
/// </summary>
public sealed record MapOptions
{
    /// <summary>Worker actors for the job; null uses the pool's count (default: processor count).</summary>
    public int? Workers { get; init; }

    /// <summary>Elements per chunk; null computes it as Pool.map does: ceil(length / (4 x workers)).</summary>
    public int? ChunkSize { get; init; }

    /// <summary>Chunks sent to one worker and not yet finished.</summary>
    public int MaxChunksInFlightPerWorker { get; init; } = 2;

    /// <summary>
    /// Retries of a failing chunk within <see cref="RetryWindow"/> before the job fails: Akka's
    /// maxNrOfRetries, counted per chunk (<c>actormap.compute.supervision.max-retries</c>).
    /// </summary>
    public int RetriesPerChunk { get; init; } = 2;

    /// <summary>
    /// The window <see cref="RetriesPerChunk"/> counts in, Akka's withinTimeRange: a chunk's failure
    /// after the window has passed starts a new one. Infinite (the default) counts over the whole
    /// job, which bounds it; a finite window retries a chunk for as long as it fails more slowly
    /// than that (<c>actormap.compute.supervision.within</c>).
    /// </summary>
    public TimeSpan RetryWindow { get; init; } = Timeout.InfiniteTimeSpan;

    public Balancing Balancing { get; init; } = Balancing.RoundRobin;

    /// <summary>
    /// What a worker's exception does, by the exception's type: restart or resume the worker (on
    /// its own node, in a cluster), stop it for this job, or escalate (fail the job at once). The
    /// chunk is retried unless the job fails. A <see cref="Directive"/> converts to a policy of that default.
    /// </summary>
    public SupervisionPolicy Supervision { get; init; } = new();

    /// <summary>
    /// A chunk that was executing on this many distinct nodes that each died fails its job as a
    /// poison chunk, instead of killing node after node. Queued chunks are never counted.
    /// </summary>
    public int PoisonChunkNodes { get; init; } = 3;

    /// <summary>
    /// How long a cluster job waits with no worker at all before it fails, naming its lost chunks
    /// and their nodes. Bounds the job when every node is gone and none comes back.
    /// </summary>
    public TimeSpan NoWorkersTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Reported as chunks are released in order; called from the job's actors, so keep it quick.</summary>
    public IProgress<MapProgress>? Progress { get; init; }

    /// <summary>
    /// Where to write the job's performance report, one self-contained HTML file, when the job ends
    /// (succeeded, failed or cancelled): the task stream, utilisation per node, chunk durations,
    /// speed-up. Null (the default) writes none. A file that cannot be written is logged as a warning
    /// and does not fail the job.
    /// </summary>
    public string? ReportPath { get; init; }

    /// <summary>
    /// Given the job's <see cref="Telemetry.JobReport"/> when the job ends, before its task
    /// completes. Called from the job's actors, so keep it quick; null (the default) records nothing.
    /// </summary>
    public Action<Telemetry.JobReport>? OnReport { get; init; }

    /// <summary>The lambda's source, when the function came from one: lets the job run on other nodes.</summary>
    internal FunctionSource? Source { get; init; }

    /// <summary>The function as the report shows it, when it has no <see cref="Source"/> (the console's lambda).</summary>
    internal string? FunctionText { get; init; }

    /// <summary>Records the job for whoever made it (the Seed's dashboard); one job's options only.</summary>
    internal Telemetry.JobRecorder? Recorder { get; init; }

    /// <summary>True when the job must be recorded chunk by chunk.</summary>
    internal bool Recorded => Recorder is not null || ReportPath is not null || OnReport is not null;

    /// <summary>Reads <c>actormap.compute</c> (see the library's reference.conf).</summary>
    public static MapOptions FromConfig(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.GetConfig("actormap.compute");
        var workers = c.GetInt("workers", 0);
        var (supervision, maxRetries, within) = SupervisionConfig.Read(config);
        var chunkSize = c.GetInt("default-chunk-size", 0);
        return new MapOptions
        {
            Workers = workers == 0 ? null : workers,
            ChunkSize = chunkSize == 0 ? null : chunkSize,
            MaxChunksInFlightPerWorker = c.GetInt("max-chunks-in-flight-per-worker", 2),
            RetriesPerChunk = maxRetries,
            RetryWindow = within,
            Balancing = ParseBalancing(c.GetString("balancing", "round-robin"), "actormap.compute.balancing"),
            Supervision = supervision,
            PoisonChunkNodes = c.GetInt("poison-chunk-nodes", 3),
            NoWorkersTimeout = c.GetTimeSpan("no-workers-timeout", TimeSpan.FromSeconds(30)),
        }.Validated("actormap.compute.");
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting when a value is out of range.</summary>
    public MapOptions Validated(string keyPrefix = "")
    {
        if (Workers is < 1)
        {
            throw new ArgumentException($"{keyPrefix}workers must be at least 1, got {Workers}");
        }
        if (ChunkSize is < 1)
        {
            throw new ArgumentException($"{keyPrefix}chunk-size must be at least 1, got {ChunkSize}");
        }
        if (MaxChunksInFlightPerWorker < 1)
        {
            throw new ArgumentException($"{keyPrefix}max-chunks-in-flight-per-worker must be at least 1, got {MaxChunksInFlightPerWorker}");
        }
        if (RetriesPerChunk < 0)
        {
            throw new ArgumentException($"{keyPrefix}retries-per-chunk must not be negative, got {RetriesPerChunk}");
        }
        if (PoisonChunkNodes < 1)
        {
            throw new ArgumentException($"{keyPrefix}poison-chunk-nodes must be at least 1, got {PoisonChunkNodes}");
        }
        if (NoWorkersTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{keyPrefix}no-workers-timeout must be positive, got {NoWorkersTimeout}");
        }
        SupervisionConfig.CheckedWindow(RetryWindow, $"{keyPrefix}retry-window");
        ArgumentNullException.ThrowIfNull(Supervision);
        return this;
    }

    public static Balancing ParseBalancing(string text, string key) => text switch
    {
        "round-robin" => Balancing.RoundRobin,
        "pull" => Balancing.Pull,
        _ => throw new ArgumentException($"{key} must be round-robin or pull, got '{text}'"),
    };

    public static Directive ParseDirective(string text, string key) => SupervisionConfig.ParseDirective(text, key);
}
