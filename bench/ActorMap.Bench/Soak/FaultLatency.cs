using System.Diagnostics;
using ActorMap.Bench.Faults;

namespace ActorMap.Bench.Soak;

/// <summary>
/// A fault read back from the logs: seconds from the signal to the Seed's "withdrew the workers of"
/// line for that node (the moment its chunks go elsewhere) and the reason it gave; whether a frozen
/// node was downed and rejoined as a new incarnation; seconds to offering workers again; after a
/// kill, whether the Seed re-offered the dead incarnation's workers when the new process connected
/// ("offers N workers (connected again)" before the old member was downed).
/// </summary>
internal sealed record FaultOutcome(FaultRecord Fault, double? ToWithdrawn, string? Reason, bool Rejoined, double? ToBack, bool StaleReoffer);

internal static class FaultLatency
{
    /// <summary>Each fault's outcome: only lines after it and before the next fault on the same node count.</summary>
    public static List<FaultOutcome> Read(IReadOnlyList<TimedLine> seedLines, IReadOnlyList<FaultRecord> faults) =>
        [.. faults.Select(fault =>
        {
            var next = faults.Where(f => f.Slot == fault.Slot && f.Struck > fault.Struck).Select(f => f.Struck).DefaultIfEmpty(long.MaxValue).Min();
            var node = $"@{FaultCluster.Loopback}:{fault.Slot.Port} (";
            var withdrawn = seedLines.FirstOrDefault(l => l.Timestamp >= fault.Struck && l.Timestamp < next
                && l.Text.Contains("withdrew the workers of ", StringComparison.Ordinal) && l.Text.Contains(node, StringComparison.Ordinal));
            var rejoined = fault.Kind != FaultKind.KillRestart && fault.Victim.Lines.Snapshot().Any(l => l.Timestamp >= fault.Struck && l.Timestamp < next
                && l.Text.Contains("rejoining as a new incarnation", StringComparison.Ordinal));
            var address = $"@{FaultCluster.Loopback}:{fault.Slot.Port} ";
            var stale = fault.Kind == FaultKind.KillRestart && seedLines.Any(l => l.Timestamp >= fault.Struck && l.Timestamp < next
                && l.Text.Contains(address + "offers ", StringComparison.Ordinal) && l.Text.Contains("(connected again)", StringComparison.Ordinal));
            return new FaultOutcome(fault,
                withdrawn is null ? null : Seconds(fault.Struck, withdrawn.Timestamp),
                withdrawn is null ? null : FaultCluster.Reason(withdrawn),
                rejoined,
                fault.BackInService is { } back ? Seconds(fault.Struck, back) : null,
                stale);
        })];

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0..1) of <paramref name="values"/>.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static double Seconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalSeconds;
}
