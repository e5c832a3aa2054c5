using System.Diagnostics;
using ActorMap.Compute;
using ActorMap.Hosting.Client;

namespace ActorMap.Bench.Cluster;

/// <summary>
/// A Seed and two WorkerNodes as separate processes on loopback, the Seed running no workers of
/// its own, so every chunk crosses the network; measured from this process as a client.
/// </summary>
internal static class ClusterReport
{
    public static void Run(TextWriter output, int runs)
    {
        using var nodes = new NodeProcesses(Repository.Root, "Release");
        var config = Path.Combine(Path.GetTempPath(), $"actormap-bench-{Environment.ProcessId}.hocon");
        File.WriteAllText(config, "actormap.seed.allow-local-routees = off\nactormap.cluster-name = bench\nakka.loglevel = WARNING\n");
        var apiPort = nodes.Start("Seed", "actormap-seed", $"--config {config} --hostname 127.0.0.1 --port 4953 --api-port 0");
        for (var i = 0; i < 2; i++)
        {
            nodes.Start("WorkerNode", "actormap-worker", $"--config {config} --hostname 127.0.0.1 --port 0 --seed 127.0.0.1:4953 --workers 2");
        }
        var pool = ClusterMapPool.ConnectAsync($"127.0.0.1:{apiPort}").GetAwaiter().GetResult();
        WaitForWorkers(pool);
        output.WriteLine($"Seed + 2 WorkerNodes (2 workers each) as processes on loopback; {runs} runs; min/median/max");

        const int doubles = 8_000_000;
        var payload = Enumerable.Range(0, doubles).Select(i => i * 0.5).ToArray();
        var mb = doubles * 8.0 * 2 / (1024 * 1024);
        Report(output, "payload, 64 MB of doubles to workers and back (MB/s)", runs,
            () => pool.MapReduceAsync<double, double>("x => x", payload, "sum", new MapOptions { ChunkSize = 262_144 }).Result, mb);

        PhaseBreakdown(output, runs, $"127.0.0.1:{apiPort}", payload);

        const int tiny = 20_000;
        Report(output, "tiny chunks, one element each (chunks/s)", runs,
            () => pool.MapReduceAsync<long>("x => x", new LongRange(0, tiny), "sum", new MapOptions { ChunkSize = 1 }).Result, tiny);

        var longs = Enumerable.Range(0, 10_000_000).Select(i => (long)i).ToArray();
        // Folded with xor, which cannot overflow (the sum of these squares does), in both modes.
        var cluster = Times(runs, () => pool.MapReduceAsync<long, long>("x => x * x", longs, "(a, b) => a ^ b").Result);
        using var embedded = MapPool.Create(new MapOptions { Workers = Environment.ProcessorCount });
        var local = Times(runs, () => embedded.MapReduceAsync(longs, x => x * x, (a, b) => a ^ b).Result);
        output.WriteLine($"x * x over 10,000,000 longs given as an array, xor-reduced: cluster {Median(cluster):F0} ms, embedded {Median(local):F0} ms, cluster / embedded = {Median(cluster) / Median(local):F2}");
        pool.DisposeAsync().AsTask().Wait();
        File.Delete(config);
    }

    /// <summary>
    /// Where a payload job's time goes: the upload (until the Seed accepts the job), the job (until
    /// the first ordered result part: chunks out to the workers and back), and the download.
    /// </summary>
    private static void PhaseBreakdown(TextWriter output, int runs, string seed, double[] payload)
    {
        var phases = new List<(double Upload, double Job, double Download, double Total)>();
        for (var run = 0; run <= runs; run++)
        {
            var client = ClusterClient.Connect(seed);
            var watch = Stopwatch.StartNew();
            double accepted = 0, first = 0;
            var submit = new Messages.Compute.SubmitJob { FunctionSource = "x => x", ChunkSize = 65_536, RetriesPerChunk = -1 };
            client.RunAsync(submit, new Functions.Input.ListMapInput(Functions.Input.ElementKind.Double, payload), null,
                _ => accepted = watch.Elapsed.TotalMilliseconds, CancellationToken.None,
                _ => first = first == 0 ? watch.Elapsed.TotalMilliseconds : first).GetAwaiter().GetResult();
            var total = watch.Elapsed.TotalMilliseconds;
            client.DisposeAsync().AsTask().Wait();
            if (run > 0)
            {
                phases.Add((accepted, first - accepted, total - first, total));
            }
        }
        var mb = payload.Length * 8.0 / (1024 * 1024);
        output.WriteLine($"  phases of a {mb:F0} MB double payload, x => x, chunks of 65,536 (ms, min/median/max):");
        Line(output, "upload, client -> Seed (until accepted)", phases.Select(p => p.Upload));
        Line(output, "job, Seed -> workers -> Seed (until the first result part)", phases.Select(p => p.Job));
        Line(output, "download, Seed -> client (result parts, JSON)", phases.Select(p => p.Download));
        Line(output, "total", phases.Select(p => p.Total));
        var rates = phases.Select(p => 2 * mb / (p.Total / 1000)).Order().ToArray();
        output.WriteLine($"  {"end to end, MB/s (payload counted both ways)",-58} min {rates[0],10:F0}  median {rates[rates.Length / 2],10:F0}  max {rates[^1],10:F0}");
    }

    private static void Line(TextWriter output, string name, IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        output.WriteLine($"    {name,-56} {sorted[0],8:F0} {sorted[sorted.Length / 2],8:F0} {sorted[^1],8:F0}");
    }

    private static void WaitForWorkers(ClusterMapPool pool)
    {
        // The first job's compile also warms every node's lambda cache.
        pool.MapReduceAsync<long>("x => x", new LongRange(0, 1000), "sum", new MapOptions { ChunkSize = 10 }).Wait();
    }

    private static void Report(TextWriter output, string name, int runs, Func<object> job, double units)
    {
        var times = Times(runs, job);
        var rates = times.Select(ms => units / (ms / 1000)).Order().ToArray();
        output.WriteLine($"  {name,-58} min {rates[0],10:F0}  median {rates[rates.Length / 2],10:F0}  max {rates[^1],10:F0}");
    }

    private static double[] Times(int runs, Func<object> job)
    {
        GC.KeepAlive(job());
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(job());
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }

    private static double Median(double[] sorted) => sorted[sorted.Length / 2];
}
