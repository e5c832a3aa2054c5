namespace ActorMap.Functions.Shipping;

internal sealed partial class AssemblyStore
{
    /// <summary>
    /// Keeps <paramref name="hashes"/> from eviction until disposed: a load context pins its
    /// whole set for its life. A hash may be pinned before it is uploaded, which is how a
    /// caller's upload stays put until its job has loaded it.
    /// </summary>
    public IDisposable Pin(IEnumerable<string> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        var pinned = hashes.Distinct(StringComparer.Ordinal).ToArray();
        lock (_gate)
        {
            foreach (var hash in pinned)
            {
                _pins[hash] = _pins.GetValueOrDefault(hash) + 1;
            }
        }
        return new PinHandle(this, pinned);
    }

    /// <summary>True while some load context holds <paramref name="hash"/>.</summary>
    public bool IsPinned(string hash)
    {
        lock (_gate)
        {
            return _pins.ContainsKey(hash);
        }
    }

    private void Unpin(string[] hashes)
    {
        lock (_gate)
        {
            foreach (var hash in hashes)
            {
                var count = _pins[hash] - 1;
                if (count == 0)
                {
                    _pins.Remove(hash);
                }
                else
                {
                    _pins[hash] = count;
                }
            }
        }
        Evict(keep: null);
    }

    // Least recently used first, never a pinned file nor `keep`. Files are deleted under the
    // lock: a Put of the same hash racing outside it would otherwise lose its fresh file.
    private void Evict(string? keep)
    {
        lock (_gate)
        {
            if (_size <= SizeLimit)
            {
                return;
            }
            foreach (var (hash, item) in _items.OrderBy(e => e.Value.LastUse).ToArray())
            {
                if (_size <= SizeLimit)
                {
                    break;
                }
                if (hash == keep || _pins.ContainsKey(hash))
                {
                    continue;
                }
                _items.Remove(hash);
                _size -= item.Size;
                TryDelete(PathOf(hash));
            }
        }
    }

    private sealed class PinHandle(AssemblyStore store, string[] hashes) : IDisposable
    {
        private AssemblyStore? _store = store;

        public void Dispose() => Interlocked.Exchange(ref _store, null)?.Unpin(hashes);
    }
}
