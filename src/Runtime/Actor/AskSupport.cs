namespace ActorMap.Runtime.Actor;

public static class AskSupport
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and completes with the first reply.
    /// Faults with <see cref="AskTimeoutException"/> after <paramref name="timeout"/> (default: the
    /// system's ask timeout), or with the cause of a <see cref="Status.Failure"/> reply.
    /// </summary>
    public static Task<object?> Ask(this ICanTell receiver, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        var system = (receiver as IInternalActorRef)?.System ?? ActorCell.Current?.System;
        var path = system?.NewTempPath() ?? ActorPath.RootOf(Address.Local("temp")) / "temp" / "$ask";
        var promise = new PromiseActorRef(path);
        var effectiveTimeout = timeout ?? system?.Settings.AskTimeout ?? Timeout.InfiniteTimeSpan;
        if (effectiveTimeout <= TimeSpan.Zero && effectiveTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "an Ask timeout must be positive");
        }
        promise.Arm(system?.TimeProvider ?? TimeProvider.System, effectiveTimeout, message,
            receiver as IActorRef ?? promise, cancellationToken);
        if (system?.Remote is not null)
        {
            // Only a reply from another node needs to find the promise by path.
            system.RegisterTemp(path, promise);
            _ = promise.Task.ContinueWith(static (_, state) =>
            {
                var (s, p) = ((ActorSystem, ActorPath))state!;
                s.UnregisterTemp(p);
            }, (system, path), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        receiver.Tell(message, promise);
        return promise.Task;
    }

    /// <summary>As <see cref="Ask"/>, and the reply must be a <typeparamref name="T"/>.</summary>
    public static async Task<T> Ask<T>(this ICanTell receiver, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var reply = await receiver.Ask(message, timeout, cancellationToken).ConfigureAwait(false);
        return reply switch
        {
            T typed => typed,
            null when default(T) is null => default!,
            _ => throw new InvalidCastException(
                $"Ask expected a reply of type {typeof(T).Name} but got {reply?.GetType().Name ?? "null"}"),
        };
    }
}
