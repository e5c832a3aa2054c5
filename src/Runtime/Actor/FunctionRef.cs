namespace ActorMap.Runtime.Actor;

/// <summary>
/// A ref that runs a callback synchronously on the sender's thread: for runtime plumbing
/// (event-stream bridges, Ask replies) where a full actor would add a hop for nothing.
/// The callback must be thread-safe and quick.
/// </summary>
internal sealed class FunctionRef(ActorPath path, Action<object, IActorRef> callback) : ActorRefBase
{
    public override ActorPath Path { get; } = path;

    public override void Tell(object message, IActorRef? sender) =>
        callback(message, sender ?? ActorRefs.NoSender);
}
