using ActorMap.Runtime.Actor;

namespace ActorMap.Remote;

/// <summary>Published on the event stream when a connection to <paramref name="Address"/> is established.</summary>
public sealed record RemoteAssociated(Address Address);

/// <summary>Published on the event stream when the connection to <paramref name="Address"/> is lost or closed.</summary>
public sealed record RemoteDisassociated(Address Address);

/// <summary>Dead-lettered in place of a received message this node could not deserialize.</summary>
public sealed record UndeliverableRemoteMessage(string Manifest);
