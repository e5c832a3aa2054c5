using ActorMap.Compute;

namespace ActorMap.Client.Output;

/// <summary>
/// Keeps the latest report of a job. Called from the job's aggregator actor, so it only stores
/// and forwards; the progress bar reads it from its own thread.
/// </summary>
internal sealed class JobProgress : IProgress<MapProgress>
{
    private MapProgress? _last;

    public MapProgress? Last => Volatile.Read(ref _last);

    public Action<MapProgress>? OnReport { get; set; }

    public void Report(MapProgress value)
    {
        Volatile.Write(ref _last, value);
        OnReport?.Invoke(value);
    }
}
