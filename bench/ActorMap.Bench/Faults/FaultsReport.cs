using System.Globalization;

namespace ActorMap.Bench.Faults;

/// <summary>
/// Failure handling with real processes on 127.0.0.1: a Seed with allow-local-routees = off and
/// two WorkerNodes of two workers each. Every time is read off log lines as this process
/// receives them, never off a sleep.
/// </summary>
internal static class FaultsReport
{
    private const int Kills = 10;
    private const double KillTarget = 1;
    private const double FreezeTarget = 6;
    private const double StartTarget = 3;

    public static void Run(TextWriter output, int runs) => RunAsync(output, runs).GetAwaiter().GetResult();

    private static async Task RunAsync(TextWriter output, int runs)
    {
        var scratch = Directory.CreateTempSubdirectory("actormap-bench-faults-").FullName;
        try
        {
            output.WriteLine("Seed (allow-local-routees = off) + 2 WorkerNodes x 2 workers as processes on 127.0.0.1, free ports, Akka's default failure detector;");
            output.WriteLine("t1 is when this process reads the Seed's log line; seconds");
            using (var cluster = new FaultCluster(scratch))
            {
                try
                {
                    await RedispatchAsync(output, cluster, runs);
                }
                catch (Exception e) when (Explain(e, cluster))
                {
                }
            }
            await StartsAsync(output, scratch, runs);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Kills, then freezes, on one Seed: a long-lived Seed, as in production.</summary>
    private static async Task RedispatchAsync(TextWriter output, FaultCluster cluster, int freezeCount)
    {
        var api = await cluster.StartSeedAsync();
        var from = cluster.Seed.Lines.Count;
        NodeProcess[] workers = [cluster.StartWorker(), cluster.StartWorker()];
        foreach (var worker in workers)
        {
            await cluster.OfferedAsync(worker, from);
        }
        await BusyJob.WarmAsync(api);
        await Startup.WarmAsync(api);

        var kills = await Redispatch.KillsAsync(cluster, api, workers, Kills);
        var killed = new Samples(kills.Select(k => k.Seconds));
        output.WriteLine($"  SIGKILL of a busy WorkerNode -> \"withdrew the workers of\", {Kills} kills: p50 {killed.Median:F3}  max {killed.Max:F3}  (min {killed.Min:F3})  " +
            Verdict(killed.Max, KillTarget));
        output.WriteLine($"    each: {Each(kills)}");

        var freezes = await Redispatch.FreezesAsync(cluster, api, workers, freezeCount);
        var frozen = new Samples(freezes.Select(f => f.Seconds));
        output.WriteLine($"  SIGSTOP of a busy WorkerNode -> \"withdrew the workers of\", {freezeCount} freezes: {frozen.ToString("F3")}  {Verdict(frozen.Median, FreezeTarget)}");
        output.WriteLine($"    each: {Each(freezes)}");
    }

    private static async Task StartsAsync(TextWriter output, string scratch, int count)
    {
        var starts = new List<StartupTiming>();
        for (var run = 0; run < count; run++)
        {
            starts.Add(await Startup.OnceAsync(scratch));
        }
        var offered = new Samples(starts.Select(s => s.Offered));
        output.WriteLine($"  WorkerNode process start, a job waiting on a Seed with no workers, {count} starts:");
        output.WriteLine($"    -> its own \"listening on\"         {new Samples(starts.Select(s => s.Listening)).ToString("F3")}");
        output.WriteLine($"    -> Seed \"offers 2 workers\"        {offered.ToString("F3")}  {Verdict(offered.Median, StartTarget)}");
        output.WriteLine($"    -> the waiting job done          {new Samples(starts.Select(s => s.JobDone)).ToString("F3")}");
    }

    // Never true: writes the nodes' last lines beside the failure, and the failure goes on up.
    private static bool Explain(Exception e, FaultCluster cluster)
    {
        Console.Error.WriteLine($"{e.GetType().Name}: {e.Message}\n{cluster.Tails()}");
        return false;
    }

    private static string Verdict(double value, double target) =>
        string.Create(CultureInfo.InvariantCulture, $"({(value <= target ? "meets" : "MISSES")} <= {target:0.#} s)");

    private static string Each(List<Fault> faults) =>
        string.Join("  ", faults.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Seconds:F3} ({f.Reason})")));
}
