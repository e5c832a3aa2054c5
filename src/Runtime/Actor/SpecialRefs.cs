using ActorMap.Runtime.Event;

namespace ActorMap.Runtime.Actor;

/// <summary>/deadLetters: everything sent here is published as <see cref="DeadLetter"/>.</summary>
internal sealed class DeadLetterActorRef(ActorPath path, EventStream eventStream) : ActorRefBase
{
    public override ActorPath Path { get; } = path;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        eventStream.Publish(message as DeadLetter ?? new DeadLetter(message, sender ?? ActorRefs.NoSender, this));
    }
}

/// <summary>The root guardian's parent: the end of the supervision chain.</summary>
internal sealed class RootParentRef(ActorPath path, Action<Exception> onRootFailure) : ActorRefBase
{
    public override ActorPath Path { get; } = path;

    public override void Tell(object message, IActorRef? sender)
    {
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is Failed failed)
        {
            onRootFailure(failed.Cause);
            ((IInternalActorRef)failed.Child).Stop();
        }
    }
}
