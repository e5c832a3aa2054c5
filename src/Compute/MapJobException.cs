namespace ActorMap.Compute;

/// <summary>
/// A job failed: the function threw on <see cref="ElementIndex"/> in every attempt the retries
/// allowed. Carries the worker-side exception's type, message and stack trace, as Pool.map's
/// remote traceback does.
/// </summary>
public sealed class MapJobException : Exception
{
    public MapJobException(long elementIndex, string errorType, string errorMessage, string workerStackTrace, string worker, int attempts)
        : base($"Element {elementIndex} failed with {errorType}: {errorMessage} (on {worker}, after {attempts} attempt{(attempts == 1 ? "" : "s")})")
    {
        ElementIndex = elementIndex;
        ErrorType = errorType;
        ErrorMessage = errorMessage;
        WorkerStackTrace = workerStackTrace;
        Worker = worker;
        Attempts = attempts;
    }

    /// <summary>For failures not tied to one element (no worker left, a worker stopped for good).</summary>
    public MapJobException(string message)
        : base(message)
    {
        ElementIndex = -1;
        ErrorType = "";
        ErrorMessage = message;
        WorkerStackTrace = "";
        Worker = "";
    }

    /// <summary>Index of the failing element in the job's input; -1 when the failure is not an element's.</summary>
    public long ElementIndex { get; }

    /// <summary>Full name of the exception the function threw.</summary>
    public string ErrorType { get; }

    public string ErrorMessage { get; }

    /// <summary>The stack trace as the worker saw it.</summary>
    public string WorkerStackTrace { get; }

    /// <summary>The worker's actor path (with its node's address in a cluster).</summary>
    public string Worker { get; }

    public int Attempts { get; }

    public override string ToString() =>
        WorkerStackTrace.Length == 0 ? base.ToString() : $"{Message}{Environment.NewLine}--- worker-side stack trace ---{Environment.NewLine}{WorkerStackTrace}";
}
