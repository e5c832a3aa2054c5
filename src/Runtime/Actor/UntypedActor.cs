namespace ActorMap.Runtime.Actor;

/// <summary>An actor with a single handler; call <see cref="ActorBase.Unhandled"/> for what it does not handle.</summary>
public abstract class UntypedActor : ActorBase
{
    protected internal sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    protected abstract void OnReceive(object message);
}
