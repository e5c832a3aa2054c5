using System.Collections.Concurrent;

namespace ActorMap.Functions.Shipping;

/// <summary>
/// Hashes of the caller's files, remembered per path with the file's length and last write
/// time: a caller that sends many jobs reads each assembly once, until it is rebuilt.
/// Thread-safe.
/// </summary>
internal sealed class FileHashes
{
    private readonly ConcurrentDictionary<string, Stamped> _known = new(StringComparer.Ordinal);
    private int _reads;

    /// <summary>The process's own, shared by every packaging.</summary>
    public static FileHashes Shared { get; } = new();

    /// <summary>How many files were read to hash them (a remembered hash costs no read).</summary>
    public int Reads => Volatile.Read(ref _reads);

    public string Of(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"'{path}' does not exist", path);
        }
        var stamp = (info.Length, info.LastWriteTimeUtc);
        if (_known.TryGetValue(path, out var known) && known.Stamp == stamp)
        {
            return known.Hash;
        }
        Interlocked.Increment(ref _reads);
        var hash = ContentHash.OfFile(path);
        // A write between the stat and the read would pair an old stamp with new bytes: the
        // next call sees a newer stamp and hashes again, so the mistake does not last.
        _known[path] = new Stamped(stamp, hash);
        return hash;
    }

    private sealed record Stamped((long Length, DateTime LastWrite) Stamp, string Hash);
}
