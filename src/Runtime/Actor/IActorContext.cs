namespace ActorMap.Runtime.Actor;

/// <summary>A behaviour: handles a message and says whether it did.</summary>
public delegate bool Receive(object message);

/// <summary>Creates actors: the system (top-level actors) or an actor's context (children).</summary>
public interface IActorRefFactory
{
    /// <summary>Creates an actor; a null name generates one. Throws <see cref="InvalidActorNameException"/> for a taken or malformed name.</summary>
    IActorRef ActorOf(Props props, string? name = null);
}

/// <summary>
/// What an actor knows of its surroundings. Only valid on the actor's own turn: never hand the
/// context to another thread or a Task continuation.
/// </summary>
public interface IActorContext : IActorRefFactory
{
    IActorRef Self { get; }

    /// <summary>The sender of the message being processed; <see cref="ActorRefs.NoSender"/> when there is none.</summary>
    IActorRef Sender { get; }

    IActorRef Parent { get; }

    IReadOnlyCollection<IActorRef> Children { get; }

    ActorSystem System { get; }

    Props Props { get; }

    /// <summary>The child of that name, or <see cref="ActorRefs.Nobody"/>.</summary>
    IActorRef Child(string name);

    /// <summary>Stops a child or this actor itself; other actors are stopped with PoisonPill.</summary>
    void Stop(IActorRef child);

    /// <summary>Delivers <see cref="Terminated"/> exactly once when the subject stops, even if it already has.</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Cancels a watch; a Terminated not yet processed is dropped.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Replaces the current behaviour.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behaviour; <see cref="UnbecomeStacked"/> pops back to the previous one.</summary>
    void BecomeStacked(Receive receive);

    void UnbecomeStacked();
}
