namespace ActorMap.Runtime.Actor;

internal sealed partial class ActorCell
{
    private readonly HashSet<IActorRef> _watching = [];
    private readonly HashSet<IActorRef> _watchedBy = [];

    // Terminated messages queued to ourselves but not yet received: an Unwatch in between
    // removes the entry, and the stale Terminated is then dropped on arrival.
    private readonly HashSet<IActorRef> _terminatedQueued = [];

    public IActorRef Watch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!subject.Equals(Self) && subject is IInternalActorRef watchee && _watching.Add(subject))
        {
            watchee.SendSystemMessage(new WatchActor(watchee, Self));
        }
        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_watching.Remove(subject) && subject is IInternalActorRef watchee)
        {
            watchee.SendSystemMessage(new UnwatchActor(watchee, Self));
        }
        _terminatedQueued.Remove(subject);
        return subject;
    }

    private void AddWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (watchee.Equals(Self) && !watcher.Equals(Self))
        {
            _watchedBy.Add(watcher);
        }
    }

    private void RemoveWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (watchee.Equals(Self))
        {
            _watchedBy.Remove(watcher);
        }
    }

    private void WatchedActorTerminated(DeathWatchNotification notification)
    {
        var actor = notification.Actor;
        if (_watching.Remove(actor) && !_isTerminating)
        {
            // Through the mailbox, so messages the dead actor sent before dying arrive first.
            _terminatedQueued.Add(actor);
            Self.Tell(new Terminated(actor, notification.ExistenceConfirmed, notification.AddressTerminated), actor);
        }
        if (RemoveChild(actor))
        {
            HandleChildTerminated();
        }
    }

    private void ReceivedTerminated(Terminated terminated)
    {
        if (_terminatedQueued.Remove(terminated.ActorRef))
        {
            ReceiveMessage(terminated);
        }
    }

    private void TellWatchersWeDied()
    {
        foreach (var watcher in _watchedBy)
        {
            if (!watcher.Equals(Parent) && watcher is IInternalActorRef target)
            {
                target.SendSystemMessage(new DeathWatchNotification(Self, ExistenceConfirmed: true, AddressTerminated: false));
            }
        }
        _watchedBy.Clear();
        Parent.SendSystemMessage(new DeathWatchNotification(Self, ExistenceConfirmed: true, AddressTerminated: false));
    }

    private void UnwatchWatchedActors()
    {
        foreach (var subject in _watching)
        {
            if (subject is IInternalActorRef watchee)
            {
                watchee.SendSystemMessage(new UnwatchActor(watchee, Self));
            }
        }
        _watching.Clear();
        _terminatedQueued.Clear();
    }
}
