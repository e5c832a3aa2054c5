namespace ActorMap.Functions.Shipping;

/// <summary>
/// The shipped load contexts a node has open, one per assembly set (<see cref="FunctionPackage.SetKey"/>),
/// each shared by the jobs that use that set and held through a <see cref="ShippedContextLease"/>.
/// When the last lease ends the context is unloaded and its files unpinned in the store; the
/// runtime collects it once nothing references its types (a job's results of the set's types
/// hold it until they go). Thread-safe. Hold one lease per job, not per chunk: a context that
/// no lease holds is unloaded at once, and the next chunk would load the set again.
/// </summary>
internal sealed class ShippedContexts(AssemblyStore store)
{
    private readonly AssemblyStore _store = store ?? throw new ArgumentNullException(nameof(store));
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public AssemblyStore Store => _store;

    /// <summary>How many contexts are open now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// The context of <paramref name="package"/>'s set, opened on first use. Its assemblies load
    /// lazily, when the function is bound; the store must hold them by then (<see cref="AssemblyStore.Missing"/>).
    /// </summary>
    public ShippedContextLease Acquire(FunctionPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var key = package.SetKey();
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                // Creating a context loads nothing, so it is cheap enough to do under the lock.
                entry = new Entry(key, new ShippedLoadContext(key, package.Assemblies, _store), _store.Pin(package.ContentHashes()));
                _entries.Add(key, entry);
            }
            entry.Leases++;
            return new ShippedContextLease(this, entry);
        }
    }

    internal void Release(Entry entry)
    {
        lock (_gate)
        {
            entry.Leases--;
            if (entry.Leases > 0)
            {
                return;
            }
            _entries.Remove(entry.Key);
        }
        // Outside the lock: Unload runs the context's Unloading handlers, which are user code.
        entry.Context.Unload();
        entry.Pin.Dispose();
    }

    internal sealed class Entry(string key, ShippedLoadContext context, IDisposable pin)
    {
        public string Key { get; } = key;

        public ShippedLoadContext Context { get; } = context;

        public IDisposable Pin { get; } = pin;

        // Guarded by ShippedContexts._gate.
        public int Leases { get; set; }
    }
}

/// <summary>One job's hold on a shipped context; dispose it when the job is done with the function.</summary>
internal sealed class ShippedContextLease : IDisposable
{
    private ShippedContexts? _owner;
    private readonly ShippedContexts.Entry _entry;

    internal ShippedContextLease(ShippedContexts owner, ShippedContexts.Entry entry)
    {
        _owner = owner;
        _entry = entry;
    }

    public ShippedLoadContext Context => _entry.Context;

    public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Release(_entry);
}
