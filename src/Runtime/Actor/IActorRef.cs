namespace ActorMap.Runtime.Actor;

/// <summary>Anything a message can be sent to.</summary>
public interface ICanTell
{
    /// <summary>Sends without waiting; never blocks on an unbounded mailbox and never throws for a dead target.</summary>
    void Tell(object message, IActorRef? sender);
}

/// <summary>
/// An immutable, thread-safe handle to an actor, local or remote. Refs compare equal when they
/// name the same path and the same incarnation.
/// </summary>
public interface IActorRef : ICanTell, IEquatable<IActorRef>, IComparable<IActorRef>
{
    ActorPath Path { get; }
}

/// <summary>A ref the runtime can also send system messages to (watch, stop, failure).</summary>
internal interface IInternalActorRef : IActorRef
{
    /// <summary>True once the actor has terminated; a remote ref may learn it late.</summary>
    bool IsTerminated { get; }

    /// <summary>The system this ref belongs to, when it belongs to one in this process.</summary>
    ActorSystem? System { get; }

    void SendSystemMessage(SystemMessage message);

    void Stop();
}
