using ActorMap.Messages;
using ActorMap.Runtime.Actor;

namespace ActorMap.Remote.Endpoints;

/// <summary>
/// One queued item of an endpoint's outbox; a struct, so queueing allocates nothing. For a user
/// message <see cref="Message"/> is set and <see cref="Other"/> is the sender; for a system item
/// <see cref="Other"/> is the second actor (see SystemKind in remote.proto). A Goodbye has neither.
/// </summary>
internal readonly record struct Outbound(IActorRef? Recipient, object? Message, IActorRef? Other, SystemKind Kind, bool Goodbye = false)
{
    public static Outbound User(IActorRef recipient, object message, IActorRef? sender) =>
        new(recipient, message, sender, SystemKind.None);

    public static Outbound System(IActorRef recipient, IActorRef other, SystemKind kind) =>
        new(recipient, null, other, kind);

    public static Outbound Farewell { get; } = new(null, null, null, SystemKind.None, Goodbye: true);
}
