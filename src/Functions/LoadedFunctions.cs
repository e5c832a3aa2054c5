using System.Globalization;

namespace ActorMap.Functions;

/// <summary>
/// The lambdas a long-running process (a node, the Seed) keeps loaded: at most
/// <see cref="Capacity"/>, least recently used out first. Each is used through a
/// <see cref="FunctionLease"/>; an evicted lambda's context is unloaded once no lease holds it,
/// so a job that is still running keeps its function. Thread-safe.
/// </summary>
internal sealed class LoadedFunctions
{
    /// <summary>Enough for the lambdas a cluster's jobs cycle through; each costs a small assembly.</summary>
    public const int DefaultCapacity = 64;

    private readonly Func<LambdaSource, LoadedFunction> _load;
    private readonly object _gate = new();
    private readonly Dictionary<LambdaSource, Entry> _entries = [];
    // Most recently used first; guarded by _gate like _entries.
    private readonly LinkedList<Entry> _recency = new();

    public LoadedFunctions(LambdaCache cache, int capacity = DefaultCapacity)
        : this(source => FunctionLoader.Load(source, cache), capacity)
    {
        ArgumentNullException.ThrowIfNull(cache);
    }

    /// <summary><paramref name="load"/> gets a lambda from wherever it can (the disk cache, Roslyn).</summary>
    public LoadedFunctions(Func<LambdaSource, LoadedFunction> load, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _load = load;
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>How many lambdas are held now (leased ones that were evicted are not counted).</summary>
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

    /// <summary>ACTORMAP_LOADED_LAMBDAS, else <see cref="DefaultCapacity"/>.</summary>
    public static int CapacityFrom(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var text = getVariable("ACTORMAP_LOADED_LAMBDAS");
        if (string.IsNullOrEmpty(text))
        {
            return DefaultCapacity;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var capacity) && capacity > 0
            ? capacity
            : throw new ArgumentException($"ACTORMAP_LOADED_LAMBDAS must be a positive integer, got '{text}'");
    }

    /// <summary>
    /// The lambda, loaded on first use (once, however many callers race for it) and held until
    /// the lease is disposed. A load failure (a compile error) is remembered like a function, so
    /// every chunk of a bad job fails the same way without compiling again.
    /// </summary>
    public FunctionLease Acquire(LambdaSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Entry entry;
        List<Entry>? evicted = null;
        lock (_gate)
        {
            if (_entries.TryGetValue(source, out var known))
            {
                entry = known;
                _recency.Remove(entry.Node);
                _recency.AddFirst(entry.Node);
            }
            else
            {
                entry = new Entry(source, _load);
                _entries.Add(source, entry);
                _recency.AddFirst(entry.Node);
                while (_entries.Count > Capacity)
                {
                    var oldest = _recency.Last!.Value;
                    _recency.RemoveLast();
                    _entries.Remove(oldest.Source);
                    oldest.Evicted = true;
                    if (oldest.Leases == 0)
                    {
                        (evicted ??= []).Add(oldest);
                    }
                }
            }
            entry.Leases++;
        }
        // Unloading and loading run outside the lock: neither blocks callers of other lambdas.
        if (evicted is not null)
        {
            foreach (var old in evicted)
            {
                old.Unload();
            }
        }
        try
        {
            return new FunctionLease(this, entry, entry.Loaded.Value);
        }
        catch
        {
            Release(entry);
            throw;
        }
    }

    internal void Release(Entry entry)
    {
        bool unload;
        lock (_gate)
        {
            entry.Leases--;
            unload = entry.Evicted && entry.Leases == 0;
        }
        if (unload)
        {
            entry.Unload();
        }
    }

    internal sealed class Entry
    {
        public Entry(LambdaSource source, Func<LambdaSource, LoadedFunction> load)
        {
            Source = source;
            Node = new LinkedListNode<Entry>(this);
            Loaded = new Lazy<LoadedFunction>(() => load(source), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public LambdaSource Source { get; }

        public LinkedListNode<Entry> Node { get; }

        public Lazy<LoadedFunction> Loaded { get; }

        // Both guarded by LoadedFunctions._gate.
        public int Leases { get; set; }

        public bool Evicted { get; set; }

        // Only once evicted with no lease: nothing can reach the entry any more. A load that failed has nothing to unload.
        public void Unload()
        {
            if (Loaded.IsValueCreated)
            {
                Loaded.Value.Context?.Unload();
            }
        }
    }
}

/// <summary>One user's hold on a loaded lambda; dispose it when the job (or chunk) is done with it.</summary>
internal sealed class FunctionLease : IDisposable
{
    private LoadedFunctions? _owner;
    private readonly LoadedFunctions.Entry _entry;

    internal FunctionLease(LoadedFunctions owner, LoadedFunctions.Entry entry, LoadedFunction function)
    {
        _owner = owner;
        _entry = entry;
        Function = function;
    }

    public LoadedFunction Function { get; }

    public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Release(_entry);
}
