using Akka.Actor;

namespace ActorMap.Compute.Jobs;

/// <summary>
/// Everything a job's actors need, fixed when the job starts. <see cref="Cancellation"/> is the
/// job's own source (linked to the caller's token): cancelled whenever the job ends, so workers
/// abandon chunks of a job that no longer needs them. <see cref="WorkerDispatcher"/> is where
/// local workers run (null: Akka's default dispatcher). <see cref="Recorder"/> records the job
/// chunk by chunk when someone asked for it (a report, the Seed's dashboard); <see cref="Activity"/>
/// is the job's span while someone listens to ActorMap's ActivitySource.
/// </summary>
internal sealed record JobSpec(
    long JobId,
    JobInput Input,
    IMapFunction Function,
    ResultSink Sink,
    ChunkPlan Plan,
    int Workers,
    MapOptions Options,
    CancellationTokenSource Cancellation,
    IActorRef? WorkerDirectory = null,
    string? WorkerDispatcher = null,
    Telemetry.JobRecorder? Recorder = null,
    System.Diagnostics.Activity? Activity = null);
