using ActorMap.Runtime.Supervision;

namespace ActorMap.Runtime.Actor;

/// <summary>
/// The base of every actor. Create actors only through <see cref="Props"/> and ActorOf: the
/// constructor binds to the cell that is creating it.
/// </summary>
public abstract class ActorBase
{
    private ActorCell _cell;

    protected ActorBase()
    {
        _cell = ActorCell.Current
                ?? throw new ActorInitializationException(
                    $"{GetType().Name} was constructed directly; create actors with ActorOf(Props.Create<...>())", null);
    }

    protected IActorContext Context => _cell;

    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the message being processed.</summary>
    protected IActorRef Sender => _cell.Sender;

    internal void Bind(ActorCell cell) => _cell = cell;

    /// <summary>Called once the constructor has returned.</summary>
    internal virtual void Constructed()
    {
    }

    /// <summary>Handles a message; returns false when it was not handled.</summary>
    protected internal abstract bool Receive(object message);

    /// <summary>Called for messages no behaviour handled: publishes <c>UnhandledMessage</c> (Terminated becomes a <see cref="DeathPactException"/>).</summary>
    protected internal virtual void Unhandled(object message) => _cell.Unhandled(message);

    protected virtual void PreStart()
    {
    }

    protected virtual void PostStop()
    {
    }

    /// <summary>Before a restart, on the failed instance: by default stops all children, then runs PostStop.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Stop(child);
        }
        PostStop();
    }

    /// <summary>After a restart, on the fresh instance: by default runs PreStart.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>How this actor supervises its children; by default restart without limit.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() =>
        _cell.Props.SupervisorStrategy ?? Supervision.SupervisorStrategy.DefaultStrategy;

    internal SupervisorStrategy SupervisorStrategyInternal() => SupervisorStrategy();

    internal void AroundPreStart() => PreStart();

    internal void AroundPostStop() => PostStop();

    internal void AroundPreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void AroundPostRestart(Exception reason) => PostRestart(reason);
}
