namespace ActorMap.Runtime.Scheduling;

/// <summary>A handle to scheduled work. Cancel is idempotent and thread-safe.</summary>
public interface ICancelable
{
    bool IsCancellationRequested { get; }

    void Cancel();
}
