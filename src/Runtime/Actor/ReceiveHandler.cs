namespace ActorMap.Runtime.Actor;

/// <summary>One Receive registration: a type test, an optional predicate, a handler.</summary>
internal abstract class ReceiveHandler
{
    public abstract bool TryHandle(object message, ActorCell cell);
}

internal sealed class SyncReceiveHandler<T>(Action<T> handler, Predicate<T>? shouldHandle) : ReceiveHandler
{
    public override bool TryHandle(object message, ActorCell cell)
    {
        if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
        {
            handler(typed);
            return true;
        }
        return false;
    }
}

internal sealed class FuncReceiveHandler<T>(Func<T, bool> handler) : ReceiveHandler
{
    public override bool TryHandle(object message, ActorCell cell) => message is T typed && handler(typed);
}

internal sealed class AsyncReceiveHandler<T>(Func<T, Task> handler, Predicate<T>? shouldHandle) : ReceiveHandler
{
    public override bool TryHandle(object message, ActorCell cell)
    {
        if (message is not T typed || (shouldHandle is not null && !shouldHandle(typed)))
        {
            return false;
        }
        var task = handler(typed);
        if (task.IsCompletedSuccessfully)
        {
            return true;
        }
        if (task.IsCompleted)
        {
            task.GetAwaiter().GetResult();
        }
        cell.AwaitAsyncHandler(task);
        return true;
    }
}

internal sealed class AnyReceiveHandler(Action<object> handler) : ReceiveHandler
{
    public override bool TryHandle(object message, ActorCell cell)
    {
        handler(message);
        return true;
    }
}

/// <summary>The handlers of one behaviour, tried in registration order.</summary>
internal sealed class ReceiveHandlerSet(ActorCell cell)
{
    private ReceiveHandler[] _handlers = [];

    public void Add(ReceiveHandler handler) => _handlers = [.. _handlers, handler];

    public bool TryHandle(object message)
    {
        foreach (var handler in _handlers)
        {
            if (handler.TryHandle(message, cell))
            {
                return true;
            }
        }
        return false;
    }
}
