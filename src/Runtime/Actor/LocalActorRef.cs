namespace ActorMap.Runtime.Actor;

/// <summary>A ref to an actor in this process; Tell enqueues straight into its mailbox.</summary>
internal sealed class LocalActorRef(ActorCell cell, ActorPath path, int uid) : ActorRefBase
{
    public override ActorPath Path { get; } = path;

    public override int Uid { get; } = uid;

    public ActorCell Cell { get; } = cell;

    public override bool IsTerminated => Cell.IsTerminated;

    public override ActorSystem System => Cell.System;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.Post(message, sender ?? ActorRefs.NoSender);
    }

    public override void SendSystemMessage(SystemMessage message) => Cell.SendSystemMessage(message);

    public override void Stop() => Cell.SendSystemMessage(TerminateActor.Instance);
}
