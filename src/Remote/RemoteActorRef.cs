using ActorMap.Messages;
using ActorMap.Remote.Endpoints;
using ActorMap.Runtime.Actor;

namespace ActorMap.Remote;

/// <summary>
/// A ref to an actor on another node, used exactly like a local one: Tell queues the message on
/// the endpoint of that node (serialized by its writer loop), and watch, unwatch and stop travel as
/// system envelopes. It never learns that the actor died except through a watch.
/// </summary>
internal sealed class RemoteActorRef(ActorPath path, Endpoint endpoint, RemoteTransport transport) : ActorRefBase
{
    public override ActorPath Path { get; } = path;

    public override ActorSystem System => transport.System;

    public Endpoint Endpoint { get; } = endpoint;

    /// <summary>The path as it travels, computed once per ref.</summary>
    public string WirePath { get; } = path.ToString();

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Endpoint.Send(Outbound.User(this, message, sender));
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case WatchActor watch when watch.Watchee.Equals(this):
                transport.Watches.AddWatching(this, watch.Watcher);
                Endpoint.Send(Outbound.System(this, watch.Watcher, SystemKind.Watch));
                break;
            case UnwatchActor unwatch when unwatch.Watchee.Equals(this):
                transport.Watches.RemoveWatching(this, unwatch.Watcher);
                Endpoint.Send(Outbound.System(this, unwatch.Watcher, SystemKind.Unwatch));
                break;
            case DeathWatchNotification death:
                // We are the remote watcher of a local actor that died.
                transport.Watches.RemoveWatchedBy(death.Actor, this);
                Endpoint.Send(Outbound.System(this, death.Actor,
                    death.ExistenceConfirmed ? SystemKind.DeathWatchNotification : SystemKind.DeathWatchNotificationUnconfirmed));
                break;
            case TerminateActor:
                Stop();
                break;
        }
    }

    public override void Stop() => Endpoint.Send(Outbound.System(this, this, SystemKind.Stop));
}
