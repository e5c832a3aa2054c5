using ActorMap.Runtime.Supervision;

namespace ActorMap.Runtime.Actor;

internal sealed partial class ActorCell
{
    // Guarded by the lock: the guardians' ActorOf is called from any thread.
    private readonly Dictionary<string, ChildRestartStats> _children = new(StringComparer.Ordinal);
    private readonly Lock _childrenLock = new();
    private long _nextChildNumber;

    public IReadOnlyCollection<IActorRef> Children
    {
        get
        {
            lock (_childrenLock)
            {
                var result = new List<IActorRef>(_children.Count);
                foreach (var stats in _children.Values)
                {
                    result.Add(stats.Child);
                }
                return result;
            }
        }
    }

    internal List<ChildRestartStats> ChildStats
    {
        get
        {
            lock (_childrenLock)
            {
                return [.. _children.Values];
            }
        }
    }

    private bool HasChildren
    {
        get
        {
            lock (_childrenLock)
            {
                return _children.Count > 0;
            }
        }
    }

    public IActorRef ActorOf(Props props, string? name = null) => ActorOf(props, name, systemName: false);

    internal IActorRef ActorOf(Props props, string? name, bool systemName)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is not null)
        {
            ActorPathNames.Validate(name, allowSystemPrefix: systemName);
        }
        if (IsTerminated || _isTerminating)
        {
            throw new InvalidOperationException($"Cannot create a child of {Self.Path}: it is stopping");
        }
        ActorCell child;
        lock (_childrenLock)
        {
            name ??= GenerateName();
            if (_children.ContainsKey(name))
            {
                throw new InvalidActorNameException($"Actor name '{name}' is not unique under {Self.Path}");
            }
            child = System.NewCell(props, Self.Path / name, Self);
            _children.Add(name, new ChildRestartStats(child.Self));
        }
        child.Start();
        return child.Self;
    }

    // Akka-style generated names: '$' then a base-36 counter, never a valid user name.
    private string GenerateName()
    {
        var n = _nextChildNumber++;
        Span<char> buffer = stackalloc char[16];
        var i = buffer.Length;
        do
        {
            buffer[--i] = "abcdefghijklmnopqrstuvwxyz0123456789"[(int)(n % 36)];
            n /= 36;
        }
        while (n > 0);
        buffer[--i] = '$';
        return new string(buffer[i..]);
    }

    public IActorRef Child(string name)
    {
        lock (_childrenLock)
        {
            return _children.TryGetValue(name, out var stats) ? stats.Child : ActorRefs.Nobody;
        }
    }

    internal ChildRestartStats? GetChildStats(IActorRef child)
    {
        lock (_childrenLock)
        {
            return _children.TryGetValue(child.Path.Name, out var stats) && stats.Child.Equals(child) ? stats : null;
        }
    }

    public void Stop(IActorRef child)
    {
        if (child is not IInternalActorRef internalRef)
        {
            child.Tell(PoisonPill.Instance, Self);
        }
        else if (GetChildStats(child) is { } stats)
        {
            // Marked so a pending restart knows to wait for it, and late failures are ignored.
            stats.IsStopping = true;
            internalRef.Stop();
        }
        else if (child.Equals(Self))
        {
            internalRef.Stop();
        }
        else
        {
            child.Tell(PoisonPill.Instance, Self);
        }
    }

    /// <summary>Removes a terminated child; true when it was ours.</summary>
    private bool RemoveChild(IActorRef child)
    {
        lock (_childrenLock)
        {
            return _children.TryGetValue(child.Path.Name, out var stats)
                   && stats.Child.Equals(child)
                   && _children.Remove(child.Path.Name);
        }
    }
}
