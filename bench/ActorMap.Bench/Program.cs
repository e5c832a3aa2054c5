namespace ActorMap.Bench;

internal static class Program
{
    private const string Usage = """
        usage: ActorMap.Bench <suite> [--runs N]
          compute   ActorMap embedded vs Parallel.ForEach vs a loop; round-robin vs pull on skewed work; tiny chunks/s
          hocon     HOCON parse time for a typical config and a generated 1 MB config
          console   the actormap console's whole-process time for a small job, cold and warm lambda cache
          cluster   a Seed and two WorkerNodes as processes: payload MB/s, tiny chunks/s, cluster vs embedded
          python    whole-process actormap vs CPython multiprocessing.Pool(2).map on three jobs; a tiny job's time
          faults    real processes: SIGKILL and SIGSTOP of a busy WorkerNode to re-dispatch, a WorkerNode's start
                    to its first chunk (always 10 kills; --runs counts freezes and starts, default 3)
          recovery  40 chunks of 0.25 s, a WorkerNode SIGKILLed / SIGSTOPped 1 s in: time against no fault;
                    CPython's Pool(2).map and ProcessPoolExecutor with a worker SIGKILLed
                    (flags: [--balancing round-robin|pull] [--skip-python])
          telemetry the per-chunk cost of ActorMap's Meter and ActivitySource (BenchmarkDotNet, in process) with and
                    without listeners; a tiny-chunk job with none, a MeterListener, and recorded for a report
                    (flags: [--job short])
          shipping  a ~200 KB library with one NuGet dependency shipped to a Seed and a WorkerNode (processes):
                    the first job's extra time, the second's, and the shipped delegate's per-element cost
                    against a local pool (default 7 runs)
          soak      a Seed and 3 WorkerNodes run many checked jobs under random faults
                    (flags: [--jobs N] [--seed S] [--mean-gap SECONDS] [--logs DIR]; see scripts/soak.sh)
        """;

    private static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var runs = 5;
        var runsAt = Array.IndexOf(args, "--runs");
        if (runsAt >= 0 && (runsAt + 1 >= args.Length || !int.TryParse(args[runsAt + 1], out runs) || runs < 3))
        {
            Console.Error.WriteLine("--runs needs a whole number of at least 3");
            return 2;
        }
        switch (args[0])
        {
            case "compute":
                Compute.ComputeReport.Run(Console.Out, runs);
                return 0;
            case "console":
                Client.ConsoleStartupBenchmark.Run(Console.Out);
                return 0;
            case "cluster":
                Cluster.ClusterReport.Run(Console.Out, runs);
                return 0;
            case "python":
                Python.PythonReport.Run(Console.Out, runs);
                return 0;
            case "faults":
                // Each freeze costs the failure detector's pause plus a downing: 3 keeps the suite near 3 minutes.
                Faults.FaultsReport.Run(Console.Out, runsAt >= 0 ? runs : 3);
                return 0;
            case "recovery":
                return Recovery.RecoveryReport.Run(Console.Out, runs, args[1..]);
            case "shipping":
                // Each run starts a fresh cluster and runs 15 s of expensive jobs: 7 runs keep the suite near 3 minutes.
                Shipping.ShippingReport.Run(Console.Out, runsAt >= 0 ? runs : 7);
                return 0;
            case "soak":
                return Soak.SoakReport.Run(Console.Out, args[1..]);
            case "telemetry":
                Telemetry.TelemetryReport.Run(Console.Out, runs, shortJob: args.Contains("short"));
                return 0;
            case "hocon":
                Hocon.HoconParseBenchmark.Run(Console.Out);
                return 0;
            default:
                Console.Error.WriteLine($"unknown suite '{args[0]}'\n{Usage}");
                return 2;
        }
    }
}
