namespace ActorMap.Functions.Shipping;

/// <summary>
/// A node's shipped files on disk, content-addressed: each is stored under its SHA-256 and
/// checked against it when it arrives and again each time it is read, so neither a corrupted
/// upload nor a file changed on disk is ever loaded. Holds at most <see cref="SizeLimit"/>
/// bytes, least recently used out first, except files a live load context has pinned and the
/// file just stored (so an upload is never evicted before its job loads it). Thread-safe.
/// </summary>
internal sealed partial class AssemblyStore
{
    /// <summary>Many versions of a few large applications; change it with the node's settings.</summary>
    public const long DefaultSizeLimit = 1L << 30;

    private readonly object _gate = new();
    // Both guarded by _gate. _clock orders uses; it is a counter, not a time.
    private readonly Dictionary<string, Item> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _pins = new(StringComparer.Ordinal);
    private long _clock;
    private long _size;

    public AssemblyStore(string directory, long sizeLimit = DefaultSizeLimit)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sizeLimit);
        Directory = Path.GetFullPath(directory);
        SizeLimit = sizeLimit;
        System.IO.Directory.CreateDirectory(Directory);
        // Files left by an earlier run count from the oldest written; temporary files are not entries.
        var existing = new DirectoryInfo(Directory).EnumerateFiles()
            .Where(f => ContentHash.IsValid(f.Name))
            .OrderBy(f => f.LastWriteTimeUtc);
        foreach (var file in existing)
        {
            _items[file.Name] = new Item(file.Length, ++_clock);
            _size += file.Length;
        }
    }

    public string Directory { get; }

    public long SizeLimit { get; }

    /// <summary>Bytes held now; above <see cref="SizeLimit"/> only while pinned files or the latest upload need it.</summary>
    public long Size
    {
        get
        {
            lock (_gate)
            {
                return _size;
            }
        }
    }

    public bool Has(string hash)
    {
        lock (_gate)
        {
            return _items.ContainsKey(hash);
        }
    }

    /// <summary>The hashes of <paramref name="hashes"/> this store lacks, each once, in order: what a caller must upload.</summary>
    public IReadOnlyList<string> Missing(IEnumerable<string> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var hash in hashes)
            {
                if (seen.Add(hash) && !_items.ContainsKey(hash))
                {
                    missing.Add(hash);
                }
            }
        }
        return missing;
    }

    /// <summary>
    /// Stores <paramref name="bytes"/> under <paramref name="hash"/> once they prove to have it;
    /// <paramref name="name"/> (such as "Scoring.dll") is for the message when they do not.
    /// </summary>
    public void Put(string hash, ReadOnlySpan<byte> bytes, string name)
    {
        RequireValid(hash, name);
        var actual = ContentHash.Of(bytes);
        if (actual != hash)
        {
            throw new ShippedAssemblyException(
                $"the upload of '{name}' is refused: its bytes have SHA-256 {actual}, not {hash} as announced (the upload is corrupted or is not the file it claims to be)");
        }
        var path = PathOf(hash);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            file.Write(bytes);
        }
        lock (_gate)
        {
            // A rename is atomic: a reader sees the whole file or none. Under the lock, so an
            // eviction of the same hash cannot delete it between the rename and the index.
            File.Move(temporary, path, overwrite: true);
            if (_items.TryGetValue(hash, out var known))
            {
                _size -= known.Size;
            }
            _items[hash] = new Item(bytes.Length, ++_clock);
            _size += bytes.Length;
        }
        Evict(keep: hash);
    }

    /// <summary>The bytes of <paramref name="hash"/>, checked again: a file changed on disk is refused, and removed so it can be uploaded anew.</summary>
    public byte[] Read(string hash, string name)
    {
        RequireValid(hash, name);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(PathOf(hash));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            Forget(hash);
            throw new ShippedAssemblyException($"'{name}' ({hash}) is not in this node's store; it must be uploaded before a job uses it", e);
        }
        Verify(hash, name, bytes);
        return bytes;
    }

    /// <summary>The path of <paramref name="hash"/> after checking its bytes, for what must load from a file (a native library).</summary>
    public string VerifiedPath(string hash, string name)
    {
        Read(hash, name);
        return PathOf(hash);
    }

    private string PathOf(string hash) => Path.Combine(Directory, hash);

    private void Verify(string hash, string name, byte[] bytes)
    {
        var actual = ContentHash.Of(bytes);
        if (actual != hash)
        {
            Forget(hash);
            TryDelete(PathOf(hash));
            throw new ShippedAssemblyException(
                $"'{name}' in this node's store was changed on disk: its bytes have SHA-256 {actual}, not {hash}; it is refused and removed, and must be uploaded again");
        }
        lock (_gate)
        {
            if (_items.TryGetValue(hash, out var item))
            {
                _items[hash] = item with { LastUse = ++_clock };
            }
        }
    }

    private void Forget(string hash)
    {
        lock (_gate)
        {
            if (_items.Remove(hash, out var item))
            {
                _size -= item.Size;
            }
        }
    }

    // A hash is also a file name: only the exact hex form may reach the file system.
    private static void RequireValid(string hash, string name)
    {
        if (!ContentHash.IsValid(hash))
        {
            throw new ShippedAssemblyException($"'{name}' has no valid SHA-256 hash ('{hash}'): 64 lower-case hex digits are expected");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file in use (a native library on Windows) stays until the next eviction tries again.
        }
    }

    private sealed record Item(long Size, long LastUse);
}
