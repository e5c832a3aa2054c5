using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ActorMap.Bench.Faults;
using ActorMap.Hosting.Client;

namespace ActorMap.Bench.Soak;

/// <summary>
/// The soak: a Seed (running workers, as shipped) and three WorkerNodes as processes on 127.0.0.1
/// run many short jobs one after another, each checked element by element, while
/// <see cref="FaultInjector"/> strikes the WorkerNodes. Exits 1 when an element was lost,
/// duplicated or wrong, or a job hung.
/// </summary>
internal static class SoakReport
{
    private const int WorkerNodes = 3;

    public static int Run(TextWriter output, string[] args)
    {
        var options = SoakOptions.Parse(args, out var error);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }
        return RunAsync(output, options).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(TextWriter output, SoakOptions options)
    {
        output.WriteLine($"soak: --seed {options.Seed.ToString(CultureInfo.InvariantCulture)} --jobs {options.Jobs} --mean-gap {options.MeanGapSeconds.ToString(CultureInfo.InvariantCulture)}");
        output.WriteLine($"  a Seed (running workers) + {WorkerNodes} WorkerNodes on 127.0.0.1, default worker counts ({Environment.ProcessorCount} each here), Akka's default failure detector;");
        output.WriteLine("  the seed repeats the jobs and the faults (kind, victim, gap, length); how they fall against each other varies run to run");
        var scratch = Directory.CreateTempSubdirectory("actormap-bench-soak-").FullName;
        var cluster = new FaultCluster(scratch, NodeShape.Defaults);
        try
        {
            return await SoakAsync(output, options, cluster);
        }
        catch (Exception e) when (Explain(e, cluster))
        {
            throw;
        }
        finally
        {
            cluster.Dispose();
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<int> SoakAsync(TextWriter output, SoakOptions options, FaultCluster cluster)
    {
        var api = await cluster.StartSeedAsync();
        var slots = FreePorts(WorkerNodes).Select((port, i) => new WorkerSlot($"worker-{i + 1}", port)).ToList();
        var from = cluster.Seed.Lines.Count;
        foreach (var slot in slots)
        {
            slot.Process = cluster.StartWorker(slot.Port);
        }
        await cluster.SeedOffersAsync();
        foreach (var slot in slots)
        {
            await cluster.OfferedAsync(slot.Process, from);
        }

        await using var pool = await ClusterMapPool.ConnectAsync(api);
        // Compiles the lambda on every node before the clock starts.
        var warm = await SoakJobs.RunAsync(pool, new SoakJob(0, 0, 2_000, 10));
        if (warm.Failure is not null || warm.Lost + warm.Duplicated + warm.Wrong > 0)
        {
            throw new InvalidOperationException($"the warm-up job failed: {warm.Failure ?? "wrong results"}");
        }

        var running = new JobFlag();
        var injector = new FaultInjector(cluster, slots, new Random(options.Seed), options.MeanGapSeconds, () => running.Value);
        using var stop = new CancellationTokenSource();
        var faulting = injector.RunAsync(stop.Token);
        var jobs = new Random(unchecked((options.Seed * 31) + 17));
        var outcomes = new List<SoakOutcome>();
        var started = Stopwatch.GetTimestamp();
        for (var number = 1; number <= options.Jobs; number++)
        {
            var job = SoakJobs.Next(jobs, number);
            running.Value = true;
            var outcome = await SoakJobs.RunAsync(pool, job);
            running.Value = false;
            outcomes.Add(outcome);
            if (outcome.Failure is not null || outcome.Lost + outcome.Duplicated + outcome.Wrong > 0)
            {
                Console.Error.WriteLine($"soak: job {number} ({job}): {outcome.Failure ?? $"lost {outcome.Lost}, duplicated {outcome.Duplicated}, wrong {outcome.Wrong}"}");
            }
            if (number % 25 == 0)
            {
                Console.Error.WriteLine($"soak: {number} of {options.Jobs} jobs, {injector.Struck.Count} faults, {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s");
            }
        }
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await stop.CancelAsync();
        await faulting;

        await using var client = ClusterClient.Connect(api);
        var status = await client.StatusAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        foreach (var slot in slots)
        {
            slot.RecordPeak();
        }
        var faults = FaultLatency.Read(cluster.Seed.Lines.Snapshot(), injector.Struck);
        if (options.Logs is { } logs)
        {
            cluster.WriteLogs(logs, started);
            File.WriteAllLines(Path.Combine(logs, "faults.txt"), faults.Select(f => string.Create(CultureInfo.InvariantCulture,
                $"{Stopwatch.GetElapsedTime(started, f.Fault.Struck).TotalSeconds,9:F3} {f.Fault.Slot.Name} port {f.Fault.Slot.Port} pid {f.Fault.Victim.Pid} {FaultRecord.Describe(f.Fault.Kind)} " +
                $"freeze {f.Fault.FreezeSeconds:F2} s; withdrawn after {f.ToWithdrawn:F3} s ({f.Reason}); rejoined {f.Rejoined}; back after {f.ToBack:F3} s")));
            File.WriteAllLines(Path.Combine(logs, "jobs.txt"), outcomes.Select(o => string.Create(CultureInfo.InvariantCulture,
                $"{o.Job} {o.Seconds:F3} s lost {o.Lost} duplicated {o.Duplicated} wrong {o.Wrong} {o.Failure}")));
        }
        var report = new SoakPrinter(output);
        report.Jobs(outcomes, elapsed);
        report.Faults(faults, injector.Skipped, injector.Problems);
        report.Status(status);
        report.Memory(cluster.Seed.PeakResidentKiB() ?? 0, slots);
        var broken = outcomes.Sum(o => o.Lost + o.Duplicated + o.Wrong) > 0 || outcomes.Any(o => o.Failure?.Contains("hang", StringComparison.Ordinal) == true);
        return broken ? 1 : 0;
    }

    /// <summary>Distinct free loopback ports, held open together so none is handed out twice.</summary>
    private static List<int> FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        foreach (var listener in listeners)
        {
            listener.Start();
        }
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        foreach (var listener in listeners)
        {
            listener.Stop();
        }
        return ports;
    }

    // Never true: writes the nodes' last lines beside the failure, and the failure goes on up.
    private static bool Explain(Exception e, FaultCluster cluster)
    {
        Console.Error.WriteLine($"{e.GetType().Name}: {e.Message}\n{cluster.Tails()}");
        return false;
    }

    /// <summary>Whether a job runs now: read by the injector's thread, so volatile.</summary>
    private sealed class JobFlag
    {
        private volatile bool _value;

        public bool Value
        {
            get => _value;
            set => _value = value;
        }
    }
}
