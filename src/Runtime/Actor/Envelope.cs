namespace ActorMap.Runtime.Actor;

/// <summary>A user message and its sender; a struct so enqueuing allocates nothing.</summary>
internal readonly struct Envelope(object message, IActorRef sender)
{
    public object Message { get; } = message;

    public IActorRef Sender { get; } = sender;
}
