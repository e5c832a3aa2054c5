namespace ActorMap.Runtime.Actor;

internal sealed partial class ActorCell
{
    private readonly HashSet<IActorRef> _watching = [];
    private readonly HashSet<IActorRef> _watchedBy = [];

    // Terminated messages we queued to ourselves and not yet received, by instance: an Unwatch
    // in between moves its instance to the cancelled set and it is dropped on arrival. Matching by
    // instance (not by actor) lets a Terminated forwarded by another actor through untouched.
    private readonly HashSet<Terminated> _terminatedQueued = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Terminated> _terminatedCancelled = new(ReferenceEqualityComparer.Instance);

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
        _terminatedQueued.RemoveWhere(t =>
        {
            if (!t.ActorRef.Equals(subject))
            {
                return false;
            }
            _terminatedCancelled.Add(t);
            return true;
        });
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
            var terminated = new Terminated(actor, notification.ExistenceConfirmed, notification.AddressTerminated);
            _terminatedQueued.Add(terminated);
            Self.Tell(terminated, actor);
        }
        if (RemoveChild(actor))
        {
            HandleChildTerminated();
        }
    }

    private void ReceivedTerminated(Terminated terminated)
    {
        if (_terminatedCancelled.Remove(terminated))
        {
            return;
        }
        _terminatedQueued.Remove(terminated);
        ReceiveMessage(terminated);
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
        _terminatedCancelled.Clear();
    }
}
