namespace ActorMap.Runtime.Actor;

/// <summary>Stops the receiving actor after it has processed the messages queued before this one.</summary>
public sealed class PoisonPill : IAutoReceivedMessage
{
    public static readonly PoisonPill Instance = new();

    private PoisonPill()
    {
    }

    public override string ToString() => "PoisonPill";
}

/// <summary>Makes the receiving actor fail with <see cref="ActorKilledException"/>, so its supervisor decides.</summary>
public sealed class Kill : IAutoReceivedMessage
{
    public static readonly Kill Instance = new();

    private Kill()
    {
    }

    public override string ToString() => "Kill";
}

public sealed class ActorKilledException(string message) : Exception(message);

/// <summary>
/// Delivered once to each watcher when a watched actor stops. <see cref="ExistenceConfirmed"/> is
/// false when the actor was already gone at the time of the watch.
/// </summary>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated)
    : IAutoReceivedMessage;

/// <summary>Reply conventions for Ask and PipeTo.</summary>
public static class Status
{
    public sealed record Success(object? Value);

    /// <summary>A reply that makes the asker's Task fault with <see cref="Cause"/>.</summary>
    public sealed record Failure(Exception Cause);
}
