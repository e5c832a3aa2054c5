namespace ActorMap.Runtime.Actor;

/// <summary>Well-known refs.</summary>
public static class ActorRefs
{
    /// <summary>A ref that silently drops everything; the sender of messages sent from outside any actor.</summary>
    public static readonly IActorRef Nobody = new NobodyRef();

    /// <summary>The sender to pass when there is none; replies go to dead letters.</summary>
    public static readonly IActorRef NoSender = Nobody;

    private sealed class NobodyRef : ActorRefBase
    {
        private static readonly ActorPath s_path = ActorPath.RootOf(Address.Local("all-systems")) / "Nobody";

        public override ActorPath Path => s_path;

        public override void Tell(object message, IActorRef? sender)
        {
        }
    }
}
