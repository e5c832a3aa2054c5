using ActorMap.Bench.Faults;

namespace ActorMap.Bench.Soak;

/// <summary>
/// One of the soak's WorkerNodes: a fixed port (a restart, and an in-process rejoin, come back on
/// it, as under a restart policy), the process serving it now, and each of its processes' peak
/// memory. <see cref="TryTake"/> claims it for one fault at a time.
/// </summary>
internal sealed class WorkerSlot(string name, int port)
{
    private readonly Dictionary<int, long> _peakKiB = [];
    private int _busy;

    public string Name { get; } = name;

    public int Port { get; } = port;

    public NodeProcess Process { get; set; } = null!;

    /// <summary>How many processes have served it.</summary>
    public int Processes => Math.Max(1, _peakKiB.Count);

    public long PeakKiB => _peakKiB.Count == 0 ? 0 : _peakKiB.Values.Max();

    /// <summary>True if no other fault holds it; the fault then calls <see cref="Release"/>.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _busy, 1, 0) == 0;

    public void Release() => Volatile.Write(ref _busy, 0);

    /// <summary>Reads the serving process's peak memory so far (before a kill, and at the end).</summary>
    public void RecordPeak()
    {
        if (Process.PeakResidentKiB() is { } kib)
        {
            lock (_peakKiB)
            {
                _peakKiB[Process.Pid] = Math.Max(kib, _peakKiB.GetValueOrDefault(Process.Pid));
            }
        }
    }
}
