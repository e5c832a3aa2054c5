using System.Globalization;
using ActorMap.Messages.Compute;

namespace ActorMap.Bench.Soak;

/// <summary>The soak's figures, as the issue lists them: jobs, faults by kind, elements, late results, failures, fault to re-dispatch, memory.</summary>
internal sealed class SoakPrinter(TextWriter output)
{
    public void Jobs(List<SoakOutcome> outcomes, double elapsed)
    {
        var done = outcomes.Where(o => o.Failure is null).ToList();
        var seconds = outcomes.Select(o => o.Seconds).ToList();
        Line($"jobs: {outcomes.Count} in {elapsed:F0} s, {done.Count} returned a result, {outcomes.Count - done.Count} failed; " +
             $"job time p50 {FaultLatency.Percentile(seconds, 0.5):F3} s, p99 {FaultLatency.Percentile(seconds, 0.99):F3} s, max {seconds.Max():F3} s");
        Line($"elements: {done.Sum(o => (long)o.Job.Count):N0} checked, {done.Sum(o => o.Lost)} lost, {done.Sum(o => o.Duplicated)} duplicated, " +
             $"{done.Sum(o => o.Wrong)} wrong or out of place");
        foreach (var failure in outcomes.Where(o => o.Failure is not null).GroupBy(o => o.Failure))
        {
            Line($"  failed x{failure.Count()} (jobs {string.Join(", ", failure.Select(o => o.Job.Number))}): {failure.Key}");
        }
    }

    public void Faults(List<FaultOutcome> faults, int skipped, IReadOnlyList<string> problems)
    {
        Line($"faults: {faults.Count} struck ({string.Join(", ", Enum.GetValues<FaultKind>().Select(k => $"{FaultRecord.Describe(k)}: {faults.Count(f => f.Fault.Kind == k)}"))}), " +
             $"{faults.Count(f => f.Fault.DuringJob)} of them while a job ran; {skipped} skipped (their node was still recovering from the last)");
        Line("fault -> the Seed withdrew the node (its chunks re-dispatched), seconds, nearest-rank p50 / p99 / max:");
        foreach (var kind in Enum.GetValues<FaultKind>())
        {
            var ofKind = faults.Where(f => f.Fault.Kind == kind).ToList();
            var withdrawn = ofKind.Where(f => f.ToWithdrawn is not null).ToList();
            var reasons = string.Join(", ", withdrawn.GroupBy(f => f.Reason).Select(g => $"{g.Key} x{g.Count()}"));
            var figures = withdrawn.Count == 0 ? "" : Figures(withdrawn.Select(f => f.ToWithdrawn!.Value)) + $" ({reasons})";
            var rejoined = kind == FaultKind.KillRestart
                ? $"; the dead incarnation's workers re-offered on the new process's connection: {ofKind.Count(f => f.StaleReoffer)}"
                : $"; downed and rejoined as a new incarnation: {ofKind.Count(f => f.Rejoined)}";
            var back = ofKind.Where(f => f.ToBack is not null).ToList();
            var backFigures = kind == FaultKind.ShortFreeze || back.Count == 0 ? "" : $"; offering workers again {Figures(back.Select(f => f.ToBack!.Value))} after the fault";
            Line($"  {FaultRecord.Describe(kind),-20} withdrawn {withdrawn.Count} of {ofKind.Count} {figures}{rejoined}{backFigures}");
        }
        foreach (var problem in problems)
        {
            Line($"  PROBLEM: {problem}");
        }
    }

    public void Status(StatusReply status)
    {
        Line($"status at the end: late results dropped {status.LateResultsDropped}, chunks re-dispatched {status.ChunksRedispatched}; running jobs {status.Jobs.Count}");
        foreach (var member in status.Members)
        {
            Line($"  {member.Address,-44} {member.Status,-8} reachable {(member.Reachable ? "yes" : "NO"),-3}  chunks done {member.ChunksDone,7}  late dropped {member.LateResultsDropped,4}  re-dispatched {member.ChunksRedispatched,5}");
        }
    }

    public void Memory(long seedKiB, List<WorkerSlot> slots)
    {
        Line($"peak memory (VmHWM): Seed {Mib(seedKiB)}; " +
             string.Join("; ", slots.Select(s => $"{s.Name} {Mib(s.PeakKiB)} (largest of its {s.Processes} process{(s.Processes == 1 ? "" : "es")})")));
    }

    private static string Figures(IEnumerable<double> values)
    {
        var list = values.ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{FaultLatency.Percentile(list, 0.5):F3} / {FaultLatency.Percentile(list, 0.99):F3} / {list.Max():F3}");
    }

    private static string Mib(long kib) => string.Create(CultureInfo.InvariantCulture, $"{kib / 1024.0:F0} MiB");

    private void Line(string text) => output.WriteLine(text);
}
