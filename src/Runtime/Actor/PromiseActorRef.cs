namespace ActorMap.Runtime.Actor;

/// <summary>
/// The temporary sender of an Ask: its first reply completes the Task; a
/// <see cref="Status.Failure"/> reply faults it. Continuations never run on the replying actor's thread.
/// </summary>
internal sealed class PromiseActorRef : ActorRefBase
{
    private readonly TaskCompletionSource<object?> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _timer;
    private CancellationTokenRegistration _cancellation;
    private string _timerMessage = "";

    public PromiseActorRef(ActorPath path) => Path = path;

    public override ActorPath Path { get; }

    public Task<object?> Task => _promise.Task;

    public override bool IsTerminated => _promise.Task.IsCompleted;

    public void Arm(TimeProvider clock, TimeSpan timeout, object message, IActorRef target, CancellationToken cancellationToken)
    {
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            _timer = clock.CreateTimer(
                static state => ((PromiseActorRef)state!).TimedOut(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timerMessage = $"Ask timed out on {target.Path} after {timeout.TotalMilliseconds:0} ms waiting for a reply to {message.GetType().Name}";
            _timer.Change(timeout, Timeout.InfiniteTimeSpan);
        }
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.Register(
                static state => ((PromiseActorRef)state!).Complete(p => p.TrySetCanceled()), this);
        }
    }

    private void TimedOut() => Complete(p => p.TrySetException(new AskTimeoutException(_timerMessage)));

    public override void Tell(object message, IActorRef? sender)
    {
        switch (message)
        {
            case Status.Failure failure:
                Complete(p => p.TrySetException(failure.Cause));
                break;
            case Status.Success success:
                Complete(p => p.TrySetResult(success.Value));
                break;
            default:
                Complete(p => p.TrySetResult(message));
                break;
        }
    }

    private void Complete(Func<TaskCompletionSource<object?>, bool> completion)
    {
        if (completion(_promise))
        {
            _timer?.Dispose();
            _cancellation.Dispose();
        }
    }
}
