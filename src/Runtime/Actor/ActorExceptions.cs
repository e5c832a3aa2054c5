namespace ActorMap.Runtime.Actor;

/// <summary>An actor name is malformed or already taken by a sibling.</summary>
public sealed class InvalidActorNameException(string message) : Exception(message);

/// <summary>An actor failed in PreStart or in its constructor, so it could not be created.</summary>
public sealed class ActorInitializationException(string message, Exception? inner)
    : Exception(message, inner);

/// <summary>A watched actor terminated and the watcher did not handle <see cref="Terminated"/>.</summary>
public sealed class DeathPactException(IActorRef deadActor)
    : Exception($"Watched actor {deadActor.Path} terminated and Terminated was not handled")
{
    public IActorRef DeadActor { get; } = deadActor;
}

/// <summary>An Ask got no reply within its timeout.</summary>
public sealed class AskTimeoutException(string message) : TimeoutException(message);
