namespace ActorMap.Runtime.Actor;

/// <summary>
/// What resolving a local path that names no actor gives: messages go to dead letters, and a
/// watch is answered at once with Terminated, as for an actor that has already stopped.
/// </summary>
internal sealed class MissingActorRef(ActorPath path, ActorSystem system) : ActorRefBase
{
    public override ActorPath Path { get; } = path;

    public override bool IsTerminated => true;

    public override ActorSystem System { get; } = system;

    public override void Tell(object message, IActorRef? sender) =>
        System.DeadLetters.Tell(new Event.DeadLetter(message, sender ?? ActorRefs.NoSender, this), sender);

    public override void SendSystemMessage(SystemMessage message) => ActorSystem.DeadSystemMessage(this, message);
}
