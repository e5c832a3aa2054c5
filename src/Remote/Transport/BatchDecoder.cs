using ActorMap.Messages;
using ActorMap.Remote.Wire;
using ActorMap.Runtime.Actor;

namespace ActorMap.Remote.Transport;

/// <summary>
/// Delivers a received batch on a connection's reader loop (single-threaded). Resolved refs are
/// cached by path string, so a steady conversation resolves each path once per connection.
/// </summary>
internal sealed class BatchDecoder(RemoteTransport transport)
{
    private const int RefCacheLimit = 10_000;

    private readonly Dictionary<string, IActorRef> _refs = new(StringComparer.Ordinal);
    private IActorRef[] _resolved = new IActorRef[16];
    private WireConverter?[] _converters = new WireConverter?[4];

    /// <exception cref="InvalidDataException">An envelope refers to a path or manifest the batch does not list.</exception>
    public void Dispatch(Batch batch)
    {
        var paths = batch.Paths;
        if (_resolved.Length < paths.Count)
        {
            _resolved = new IActorRef[Math.Max(paths.Count, _resolved.Length * 2)];
        }
        for (var i = 0; i < paths.Count; i++)
        {
            _resolved[i] = Resolve(paths[i]);
        }
        var manifests = batch.Manifests;
        if (_converters.Length < manifests.Count)
        {
            _converters = new WireConverter?[Math.Max(manifests.Count, _converters.Length * 2)];
        }
        for (var i = 0; i < manifests.Count; i++)
        {
            _converters[i] = transport.Serialization.TryFind(manifests[i], out var converter) ? converter : null;
        }
        foreach (var envelope in batch.Envelopes)
        {
            if ((uint)envelope.Recipient >= (uint)paths.Count || (uint)envelope.Sender > (uint)paths.Count
                || (envelope.System == SystemKind.None && (uint)envelope.Manifest >= (uint)manifests.Count))
            {
                throw new InvalidDataException("an envelope refers to a path or manifest its batch does not list");
            }
            var recipient = _resolved[envelope.Recipient];
            var sender = envelope.Sender == 0 ? ActorRefs.NoSender : _resolved[envelope.Sender - 1];
            if (envelope.System != SystemKind.None)
            {
                DispatchSystem(envelope.System, recipient, sender);
                continue;
            }
            var converter = _converters[envelope.Manifest];
            if (converter is null)
            {
                transport.Undeliverable(manifests[envelope.Manifest], recipient, sender, null);
                continue;
            }
            object message;
            try
            {
                message = converter.FromWire(envelope.Payload);
            }
            catch (Exception e)
            {
                transport.Undeliverable(converter.Manifest, recipient, sender, e);
                continue;
            }
            recipient.Tell(message, sender);
        }
        Array.Clear(_resolved, 0, paths.Count);
    }

    private void DispatchSystem(SystemKind kind, IActorRef recipient, IActorRef other)
    {
        switch (kind)
        {
            case SystemKind.Watch when recipient is IInternalActorRef watchee and not RemoteActorRef && other is RemoteActorRef watcher:
                transport.Watches.AddWatchedBy(watchee, watcher);
                watchee.SendSystemMessage(new WatchActor(watchee, watcher));
                break;
            case SystemKind.Unwatch when recipient is IInternalActorRef watchee and not RemoteActorRef && other is RemoteActorRef watcher:
                transport.Watches.RemoveWatchedBy(watchee, watcher);
                watchee.SendSystemMessage(new UnwatchActor(watchee, watcher));
                break;
            case SystemKind.DeathWatchNotification or SystemKind.DeathWatchNotificationUnconfirmed
                when recipient is IInternalActorRef watcher and not RemoteActorRef:
                transport.Watches.RemoveWatching(other, watcher);
                watcher.SendSystemMessage(new DeathWatchNotification(other,
                    ExistenceConfirmed: kind == SystemKind.DeathWatchNotification, AddressTerminated: false));
                break;
            case SystemKind.Stop when recipient is IInternalActorRef target and not RemoteActorRef:
                target.Stop();
                break;
        }
    }

    private IActorRef Resolve(string path)
    {
        // A cached local ref whose actor stopped is resolved again: the path may have a new incarnation.
        if (_refs.TryGetValue(path, out var cached) && cached is not IInternalActorRef { IsTerminated: true })
        {
            return cached;
        }
        if (_refs.Count >= RefCacheLimit)
        {
            _refs.Clear();
        }
        IActorRef resolved;
        try
        {
            resolved = transport.System.ResolveActorRef(path);
        }
        catch (FormatException)
        {
            resolved = transport.System.DeadLetters;
        }
        _refs[path] = resolved;
        return resolved;
    }
}
