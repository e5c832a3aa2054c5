using System.Collections.Concurrent;

namespace ActorMap.Runtime.Actor;

public sealed partial class ActorSystem
{
    private readonly ConcurrentDictionary<string, IActorRef> _temp = new(StringComparer.Ordinal);

    /// <summary>The remoting layer, once started; null for a purely local system.</summary>
    internal IRemoteProvider? Remote { get; set; }

    /// <summary>The address other nodes reach this system at, or the local address without remoting.</summary>
    public Address DefaultAddress => Remote?.LocalAddress ?? Address;

    /// <summary>
    /// The ref for a path, local or on another node. A local path that names no actor gives a ref
    /// whose messages become dead letters.
    /// </summary>
    public IActorRef ResolveActorRef(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (IsLocal(path.Address))
        {
            return ResolveLocal(path) ?? new MissingActorRef(path, this);
        }
        return Remote is { } remote
            ? remote.ResolveRemote(path)
            : new MissingActorRef(path, this);
    }

    public IActorRef ResolveActorRef(string path) =>
        ActorPath.TryParse(path, out var parsed)
            ? ResolveActorRef(parsed)
            : throw new FormatException($"'{path}' is not a valid actor path");

    internal bool IsLocal(Address address) => address == Address || (Remote is { } remote && address == remote.LocalAddress);

    private IActorRef? ResolveLocal(ActorPath path)
    {
        var elements = path.Elements;
        if (elements.Count == 0)
        {
            return _root.Self;
        }
        switch (elements[0])
        {
            case "deadLetters" when elements.Count == 1:
                return DeadLetters;
            case "temp" when elements.Count == 2:
                return _temp.GetValueOrDefault(elements[1]);
        }
        IActorRef current = _root.Self;
        foreach (var name in elements)
        {
            if (current is not LocalActorRef local || local.Cell.Child(name) is not LocalActorRef child)
            {
                return null;
            }
            current = child;
        }
        return current;
    }

    /// <summary>Makes an Ask's temporary ref reachable by path, so a reply from another node finds it.</summary>
    internal void RegisterTemp(ActorPath path, IActorRef actor) => _temp[path.Name] = actor;

    internal void UnregisterTemp(ActorPath path) => _temp.TryRemove(path.Name, out _);
}
