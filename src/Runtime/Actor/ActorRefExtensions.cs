namespace ActorMap.Runtime.Actor;

public static class ActorRefExtensions
{
    /// <summary>Sends with the current actor as sender (inside an actor), otherwise with no sender.</summary>
    public static void Tell(this ICanTell receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.Current?.Self ?? ActorRefs.NoSender);
    }

    /// <summary>Sends keeping the original sender, so the receiver replies straight to it.</summary>
    public static void Forward(this IActorRef receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.Current?.Sender ?? ActorRefs.NoSender);
    }

    public static bool IsNobody(this IActorRef? actorRef) =>
        actorRef is null || ReferenceEquals(actorRef, ActorRefs.Nobody);
}
