namespace ActorMap.Bench.Python;

/// <summary>
/// The actormap console against CPython's multiprocessing.Pool(2).map, each as a whole process
/// (start-up included), on the same three jobs, interleaved run by run so both sides see the
/// same machine; then a tiny job's whole-process time. The console is the Release build with
/// its lambda cache warm: one unmeasured run of everything comes first.
/// </summary>
internal static class PythonReport
{
    private const double Target = 5;
    private const double TinyTargetSeconds = 0.30;

    private static readonly string[] s_tinyJob = ["map", "x => x + 1", "--range", "0..1000", "--reduce", "sum"];
    private static readonly Dictionary<string, string> s_noVariables = [];

    public static void Run(TextWriter output, int runs)
    {
        var console = Repository.ReleaseDll("Client", "actormap");
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var scratch = Directory.CreateTempSubdirectory("actormap-bench-python-").FullName;
        try
        {
            // Its own lambda cache, and a working directory without a cluster.hocon: the shipped defaults.
            var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["ACTORMAP_CACHE_DIR"] = Path.Combine(scratch, "cache") };
            var workloads = Workload.All(Path.Combine(Repository.Root, "bench", "python"), RowsFile.Write(scratch));
            ProcessRun ActorMap(string[] args) => WholeProcess.Run("dotnet", [console, .. args], scratch, environment);
            ProcessRun Python(Workload workload) => WholeProcess.Run(python, workload.Python, scratch, s_noVariables);

            var version = WholeProcess.Run(python, ["--version"], scratch, s_noVariables).Stdout.Trim();
            output.WriteLine($"actormap (Release build, {console}) vs {python} ({version}) multiprocessing.Pool(2).map, whole processes;");
            output.WriteLine($"one warm-up run of each first (fills actormap's lambda cache), then {runs} runs each, interleaved; seconds, min / median / max");

            foreach (var workload in workloads)
            {
                workload.CheckSameAnswer(ActorMap(workload.ActorMap).Stdout, Python(workload).Stdout);
            }
            var actorMap = workloads.ToDictionary(w => w, _ => new List<double>());
            var pool = workloads.ToDictionary(w => w, _ => new List<double>());
            var answers = new Dictionary<Workload, string>();
            for (var run = 0; run < runs; run++)
            {
                foreach (var workload in workloads)
                {
                    var ours = ActorMap(workload.ActorMap);
                    var theirs = Python(workload);
                    workload.CheckSameAnswer(ours.Stdout, theirs.Stdout);
                    answers[workload] = ours.Stdout.Trim();
                    actorMap[workload].Add(ours.Seconds);
                    pool[workload].Add(theirs.Seconds);
                }
            }

            output.WriteLine($"  {"workload",-8} {"actormap",-22} {"Pool(2).map",-22} {"python / actormap",-22} answer (both)");
            foreach (var workload in workloads)
            {
                // Ratios of the runs paired side by side, so a slow moment of the machine hits both.
                var ratios = new Samples(pool[workload].Zip(actorMap[workload], (p, a) => p / a));
                var verdict = ratios.Median >= Target ? "meets" : "MISSES";
                output.WriteLine($"  {workload.Name,-8} {new Samples(actorMap[workload]).ToString("F3"),-22} {new Samples(pool[workload]).ToString("F3"),-22} " +
                    $"{ratios.ToString("F1"),-22} {answers[workload]}   ({verdict} >= {Target}x)");
            }

            ActorMap(s_tinyJob);
            var tiny = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var result = ActorMap(s_tinyJob);
                if (result.Stdout.Trim() != "500500")
                {
                    throw new InvalidOperationException($"the tiny job printed '{result.Stdout.Trim()}', not 500500");
                }
                tiny.Add(result.Seconds);
            }
            var tinySamples = new Samples(tiny);
            output.WriteLine($"  tiny job, map \"x => x + 1\" --range 0..1000 --reduce sum, warm cache: {tinySamples.ToString("F3")} s " +
                $"({(tinySamples.Median <= TinyTargetSeconds ? "meets" : "MISSES")} <= {TinyTargetSeconds:F2} s)");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
