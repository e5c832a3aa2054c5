namespace ActorMap.Runtime.Actor;

/// <summary>
/// An actor whose behaviour is a list of typed handlers registered in its constructor (or in a
/// <see cref="Become(Action)"/> block), tried in order.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private readonly ReceiveHandlerSet _initial;
    private ReceiveHandlerSet? _building;

    protected ReceiveActor()
    {
        _initial = new ReceiveHandlerSet(ActorCell.Current!);
        _building = _initial;
    }

    protected internal sealed override bool Receive(object message) => _initial.TryHandle(message);

    // Registration is open only while the constructor (or a Become block) runs.
    internal sealed override void Constructed() => _building = null;

    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null) =>
        Register(new SyncReceiveHandler<T>(handler, shouldHandle));

    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler) =>
        Register(new SyncReceiveHandler<T>(handler, shouldHandle));

    /// <summary>A handler that returns false to let later handlers (or Unhandled) see the message.</summary>
    protected void Receive<T>(Func<T, bool> handler) => Register(new FuncReceiveHandler<T>(handler));

    /// <summary>
    /// An asynchronous handler: the actor takes no other user message until the Task completes;
    /// a faulted Task is a failure for the supervisor like a synchronous throw.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null) =>
        Register(new AsyncReceiveHandler<T>(handler, shouldHandle));

    protected void ReceiveAny(Action<object> handler) => Register(new AnyReceiveHandler(handler));

    /// <summary>Replaces the behaviour with the handlers that <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => Context.Become(Build(configure));

    /// <summary>Pushes the handlers that <paramref name="configure"/> registers; UnbecomeStacked returns.</summary>
    protected void BecomeStacked(Action configure) => Context.BecomeStacked(Build(configure));

    protected void UnbecomeStacked() => Context.UnbecomeStacked();

    private Receive Build(Action configure)
    {
        var set = new ReceiveHandlerSet((ActorCell)Context);
        var previous = _building;
        _building = set;
        try
        {
            configure();
        }
        finally
        {
            _building = previous;
        }
        return set.TryHandle;
    }

    private void Register(ReceiveHandler handler)
    {
        if (_building is null)
        {
            throw new InvalidOperationException(
                "Receive<T> may only be called in the constructor or inside Become/BecomeStacked");
        }
        _building.Add(handler);
    }
}
