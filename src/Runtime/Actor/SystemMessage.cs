namespace ActorMap.Runtime.Actor;

/// <summary>
/// Lifecycle traffic between cells. System messages overtake user messages and are processed
/// even while an actor is suspended after a failure.
/// </summary>
internal abstract record SystemMessage;

/// <summary>Stop the actor: its children first, then PostStop, then tell watchers.</summary>
internal sealed record TerminateActor : SystemMessage
{
    public static readonly TerminateActor Instance = new();
}

internal sealed record WatchActor(IInternalActorRef Watchee, IInternalActorRef Watcher) : SystemMessage;

internal sealed record UnwatchActor(IInternalActorRef Watchee, IInternalActorRef Watcher) : SystemMessage;

/// <summary>Sent to watchers (and the parent) when an actor has terminated.</summary>
internal sealed record DeathWatchNotification(IActorRef Actor, bool ExistenceConfirmed, bool AddressTerminated)
    : SystemMessage;

/// <summary>A child reports that it threw; it stays suspended until the parent decides.</summary>
internal sealed record Failed(IActorRef Child, Exception Cause, int ChildUid) : SystemMessage;

internal sealed record SuspendActor : SystemMessage
{
    public static readonly SuspendActor Instance = new();
}

/// <summary>The parent chose Resume (or a restart finished): process user messages again.</summary>
internal sealed record ResumeActor(Exception? CausedByFailure) : SystemMessage;

/// <summary>The parent chose Restart: replace the actor instance, keeping ref and mailbox.</summary>
internal sealed record RecreateActor(Exception Cause) : SystemMessage;

/// <summary>A ReceiveAsync handler finished; the actor may take its next message.</summary>
internal sealed record AsyncHandlerCompleted(Task Handler, int Generation) : SystemMessage;

/// <summary>First message of every cell: construct the actor and run PreStart.</summary>
internal sealed record CreateActor : SystemMessage
{
    public static readonly CreateActor Instance = new();
}
