using ActorMap.Runtime.Actor;

namespace ActorMap.Remote.Endpoints;

/// <summary>
/// Death watch that crosses nodes, by peer address: which local actors watch remote ones (told
/// Terminated with AddressTerminated if the peer goes), and which remote actors watch local ones
/// (unwatched if the peer goes, so the local actor keeps no dead watcher).
/// </summary>
internal sealed class RemoteWatchRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Address, HashSet<(IInternalActorRef Watchee, IInternalActorRef Watcher)>> _watching = [];
    private readonly Dictionary<Address, HashSet<(IInternalActorRef Watchee, IInternalActorRef Watcher)>> _watchedBy = [];

    public void AddWatching(RemoteActorRef watchee, IInternalActorRef watcher) => Add(_watching, watchee.Path.Address, watchee, watcher);

    public void RemoveWatching(IActorRef watchee, IActorRef watcher) => Remove(_watching, watchee, watcher, watchee.Path.Address);

    public void AddWatchedBy(IInternalActorRef watchee, RemoteActorRef watcher) => Add(_watchedBy, watcher.Path.Address, watchee, watcher);

    public void RemoveWatchedBy(IActorRef watchee, IActorRef watcher) => Remove(_watchedBy, watchee, watcher, watcher.Path.Address);

    /// <summary>
    /// Forgets every watch involving <paramref name="address"/>: local watchers get
    /// Terminated(AddressTerminated), local watchees drop their remote watchers.
    /// </summary>
    public void AddressTerminated(Address address)
    {
        HashSet<(IInternalActorRef, IInternalActorRef)>? watching, watchedBy;
        lock (_lock)
        {
            _watching.Remove(address, out watching);
            _watchedBy.Remove(address, out watchedBy);
        }
        // Outside the lock: system messages run cell code.
        foreach (var (watchee, watcher) in watching ?? [])
        {
            watcher.SendSystemMessage(new DeathWatchNotification(watchee, ExistenceConfirmed: false, AddressTerminated: true));
        }
        foreach (var (watchee, watcher) in watchedBy ?? [])
        {
            watchee.SendSystemMessage(new UnwatchActor(watchee, watcher));
        }
    }

    private void Add(Dictionary<Address, HashSet<(IInternalActorRef, IInternalActorRef)>> map, Address address,
        IInternalActorRef watchee, IInternalActorRef watcher)
    {
        lock (_lock)
        {
            if (!map.TryGetValue(address, out var set))
            {
                map[address] = set = [];
            }
            set.Add((watchee, watcher));
        }
    }

    private void Remove(Dictionary<Address, HashSet<(IInternalActorRef, IInternalActorRef)>> map,
        IActorRef watchee, IActorRef watcher, Address address)
    {
        if (watchee is not IInternalActorRef e || watcher is not IInternalActorRef w)
        {
            return;
        }
        lock (_lock)
        {
            if (map.TryGetValue(address, out var set) && set.Remove((e, w)) && set.Count == 0)
            {
                map.Remove(address);
            }
        }
    }
}
