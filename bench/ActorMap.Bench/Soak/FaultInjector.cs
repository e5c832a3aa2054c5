using System.Diagnostics;
using ActorMap.Bench.Faults;

namespace ActorMap.Bench.Soak;

/// <summary>
/// Strikes the WorkerNodes at Poisson-distributed times (exponential gaps of a given mean): SIGKILL
/// and an immediate restart on the same port, a short freeze, or a long one. Every draw (gap, kind,
/// victim, freeze length) comes from one seeded <see cref="Random"/> in a fixed order, so a seed
/// repeats the same faults; a fault whose victim is still recovering from the last one is skipped.
/// </summary>
internal sealed class FaultInjector(FaultCluster cluster, IReadOnlyList<WorkerSlot> slots, Random random, double meanGapSeconds, Func<bool> jobRunning)
{
    // Short: well inside the failure detector's acceptable pause (3 s). Long: past its ~4.6 s to
    // unreachable; past about 9.5 s the split-brain resolver (stable-after 5 s) downs the node too.
    public static readonly (double Min, double Max) ShortFreeze = (0.5, 2.0);
    public static readonly (double Min, double Max) LongFreeze = (6.0, 12.0);

    private static readonly TimeSpan s_backInService = TimeSpan.FromSeconds(60);

    private readonly List<FaultRecord> _struck = [];
    private readonly List<Task> _strikes = [];
    private readonly List<string> _problems = [];
    private int _skipped;

    public int Skipped => _skipped;

    public IReadOnlyList<FaultRecord> Struck
    {
        get
        {
            lock (_struck)
            {
                return [.. _struck];
            }
        }
    }

    /// <summary>What went wrong with a fault itself: a node that never came back, a signal that failed.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>Strikes until <paramref name="stop"/>, then waits for the faults under way (every freeze ends with SIGCONT).</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (true)
        {
            var gap = -Math.Log(1 - random.NextDouble()) * meanGapSeconds;
            var kind = (FaultKind)random.Next(3);
            var slot = slots[random.Next(slots.Count)];
            var freeze = kind switch
            {
                FaultKind.ShortFreeze => Uniform(ShortFreeze),
                FaultKind.LongFreeze => Uniform(LongFreeze),
                _ => 0,
            };
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(gap), stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            if (!slot.TryTake())
            {
                Interlocked.Increment(ref _skipped);
                continue;
            }
            _strikes.Add(StrikeAsync(kind, slot, freeze));
        }
        await Task.WhenAll(_strikes);
    }

    private async Task StrikeAsync(FaultKind kind, WorkerSlot slot, double freeze)
    {
        var mark = cluster.Seed.Lines.Count;
        var victim = slot.Process;
        if (kind == FaultKind.KillRestart)
        {
            // Read now: a killed process's memory is gone with it.
            slot.RecordPeak();
        }
        var record = new FaultRecord(kind, slot, victim, Stopwatch.GetTimestamp(), freeze, jobRunning());
        lock (_struck)
        {
            _struck.Add(record);
        }
        try
        {
            if (kind == FaultKind.KillRestart)
            {
                victim.Kill();
                slot.Process = cluster.StartWorker(slot.Port);
            }
            else
            {
                await victim.SignalAsync("STOP");
                await Task.Delay(TimeSpan.FromSeconds(freeze));
                await victim.SignalAsync("CONT");
            }
            // A short freeze is never withdrawn, so there is no coming back to wait for.
            if (kind != FaultKind.ShortFreeze)
            {
                record.BackInService = (await cluster.Seed.Lines.FirstAsync(mark, s_backInService, cluster.Seed.Name, $"{slot.Name} offering workers again",
                    text => IsBack(text, slot.Port, kind))).Timestamp;
            }
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            lock (_problems)
            {
                _problems.Add($"{slot.Name} after {FaultRecord.Describe(kind)}: {e.Message.Split('\n')[0]}");
            }
        }
        finally
        {
            slot.Release();
        }
    }

    /// <summary>
    /// The Seed offering the slot's workers again. After a kill, not "(connected again)": the
    /// registry keys nodes by host:port, so the new process's connection re-offers the dead
    /// incarnation's workers until Akka downs it (see <see cref="FaultLatency"/>).
    /// </summary>
    public static bool IsBack(string text, int port, FaultKind kind) =>
        text.Contains($"@{FaultCluster.Loopback}:{port} offers ", StringComparison.Ordinal) && text.Contains(" workers (", StringComparison.Ordinal)
        && !(kind == FaultKind.KillRestart && text.Contains("(connected again)", StringComparison.Ordinal));

    private double Uniform((double Min, double Max) range) => range.Min + random.NextDouble() * (range.Max - range.Min);
}
