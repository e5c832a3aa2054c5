namespace ActorMap.Runtime.Actor;

public static class PipeToSupport
{
    /// <summary>
    /// Sends the task's result to <paramref name="recipient"/> when it completes, or a
    /// <see cref="Status.Failure"/> when it faults or is cancelled.
    /// </summary>
    public static Task PipeTo<T>(this Task<T> task, ICanTell recipient, IActorRef? sender = null,
        Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        var from = sender ?? ActorCell.Current?.Self ?? ActorRefs.NoSender;
        return task.ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    recipient.Tell(success is null ? t.Result! : success(t.Result), from);
                }
                else
                {
                    var cause = Unwrap(t);
                    recipient.Tell(failure is null ? new Status.Failure(cause) : failure(cause), from);
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Sends <see cref="Status.Success"/> (or a Failure) when the task completes.</summary>
    public static Task PipeTo(this Task task, ICanTell recipient, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        var from = sender ?? ActorCell.Current?.Self ?? ActorRefs.NoSender;
        return task.ContinueWith(
            t => recipient.Tell(t.IsCompletedSuccessfully ? new Status.Success(null) : new Status.Failure(Unwrap(t)), from),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static Exception Unwrap(Task t) =>
        t.Exception?.InnerExceptions.Count == 1 ? t.Exception.InnerExceptions[0]
        : t.Exception ?? (Exception)new TaskCanceledException(t);
}
