using System.Diagnostics;

namespace ActorMap.Bench.Faults;

/// <summary>How long one fault took to re-dispatch, and the reason the Seed gave.</summary>
internal sealed record Fault(double Seconds, string Reason);

/// <summary>
/// A fault of a busy WorkerNode to the Seed's "withdrew the workers of" line, the moment its
/// chunks go to the other workers: t0 just before the signal is sent, t1 when this process reads
/// the line. After each, the victim is killed and a fresh WorkerNode takes its place, so every
/// fault hits a cluster of two.
/// </summary>
internal static class Redispatch
{
    private static readonly TimeSpan s_busy = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_withdrawn = TimeSpan.FromSeconds(30);

    /// <summary>SIGKILL (Process.Kill): the connection drops at once.</summary>
    public static Task<List<Fault>> KillsAsync(FaultCluster cluster, string api, NodeProcess[] workers, int count) =>
        RunAsync(cluster, api, workers, count, victim =>
        {
            victim.Kill();
            return Task.CompletedTask;
        });

    /// <summary>SIGSTOP: no socket closes, so only the failure detector (Akka's defaults) notices.</summary>
    public static Task<List<Fault>> FreezesAsync(FaultCluster cluster, string api, NodeProcess[] workers, int count) =>
        RunAsync(cluster, api, workers, count, victim => victim.SignalAsync("STOP"));

    private static async Task<List<Fault>> RunAsync(FaultCluster cluster, string api, NodeProcess[] workers, int count, Func<NodeProcess, Task> fault)
    {
        var faults = new List<Fault>();
        for (var i = 0; i < count; i++)
        {
            // Alternate, so both slots' nodes take faults.
            var slot = i % workers.Length;
            var victim = workers[slot];
            long t0;
            TimedLine withdrawn;
            await using (var job = await BusyJob.StartAsync(api))
            {
                await job.WhenBusyAsync(s_busy);
                var from = cluster.Seed.Lines.Count;
                t0 = Stopwatch.GetTimestamp();
                await fault(victim);
                withdrawn = await cluster.WithdrawnAsync(victim, from, s_withdrawn);
            }
            faults.Add(new Fault(Stopwatch.GetElapsedTime(t0, withdrawn.Timestamp).TotalSeconds, FaultCluster.Reason(withdrawn)));
            // SIGKILL ends a stopped process too. The replacement starts only now, so its start-up
            // costs no CPU while a fault is measured; it is Up once the Seed has downed the victim.
            victim.Kill();
            var mark = cluster.Seed.Lines.Count;
            var replacement = cluster.StartWorker();
            await cluster.OfferedAsync(replacement, mark);
            workers[slot] = replacement;
        }
        return faults;
    }
}
