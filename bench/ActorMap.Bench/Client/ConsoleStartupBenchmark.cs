using System.Diagnostics;
using System.Globalization;

namespace ActorMap.Bench.Client;

/// <summary>
/// Whole-process time of the actormap console, start-up included, for a small job: cold (empty
/// lambda cache, so Roslyn compiles) and warm (cache filled, Roslyn never loaded). Runs every
/// build of src/Client it finds: a ReadyToRun publish, Release and Debug.
/// </summary>
internal static class ConsoleStartupBenchmark
{
    private const int Runs = 7;

    private static readonly string[] s_job = ["map", "x => x + 1", "--range", "0..1000", "--reduce", "sum"];

    private static IEnumerable<(string Name, string Dll)> Builds(string root)
    {
        var release = Path.Combine(root, "src", "Client", "bin", "Release", "net10.0");
        // ReadyToRun needs a runtime identifier, so a publish lands under bin/Release/net10.0/<rid>/publish.
        if (Directory.Exists(release))
        {
            foreach (var published in Directory.GetFiles(release, "actormap.dll", SearchOption.AllDirectories)
                .Where(p => Path.GetFileName(Path.GetDirectoryName(p)) == "publish"))
            {
                yield return ("publish (ReadyToRun)", published);
            }
        }
        yield return ("Release", Path.Combine(release, "actormap.dll"));
        yield return ("Debug", Path.Combine(root, "src", "Client", "bin", "Debug", "net10.0", "actormap.dll"));
    }

    public static void Run(TextWriter output)
    {
        var root = FindRoot();
        if (root is null)
        {
            output.WriteLine("console: ActorMap.sln not found above the current directory; run from inside the repository");
            return;
        }
        var found = Builds(root).Where(b => File.Exists(b.Dll)).ToList();
        if (found.Count == 0)
        {
            output.WriteLine("console: no built actormap found. Build it first, for example:");
            output.WriteLine("  dotnet publish src/Client -c Release     (ReadyToRun)");
            output.WriteLine("  dotnet build src/Client -c Release");
            return;
        }
        output.WriteLine($"actormap {string.Join(' ', s_job.Select(Quote))}: whole-process wall time over {Runs} runs, from {root}");
        output.WriteLine($"{"build",-22} {"cache",-6} {"min",8} {"median",8} {"max",8}");
        foreach (var (name, dll) in found)
        {
            Report(output, name, "cold", Measure(dll, root, warm: false));
            Report(output, name, "warm", Measure(dll, root, warm: true));
        }
    }

    private static List<double> Measure(string dll, string root, bool warm)
    {
        var times = new List<double>();
        var shared = Directory.CreateTempSubdirectory("actormap-bench-cache-").FullName;
        try
        {
            if (warm)
            {
                RunOnce(dll, root, shared);
            }
            for (var i = 0; i < Runs; i++)
            {
                var cache = warm ? shared : Directory.CreateTempSubdirectory("actormap-bench-cold-").FullName;
                times.Add(RunOnce(dll, root, cache));
                if (!warm)
                {
                    Directory.Delete(cache, recursive: true);
                }
            }
        }
        finally
        {
            Directory.Delete(shared, recursive: true);
        }
        times.Sort();
        return times;
    }

    private static double RunOnce(string dll, string root, string cache)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in s_job)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ACTORMAP_CACHE_DIR"] = cache;
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("actormap did not finish within 2 minutes");
        }
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (process.ExitCode != 0 || stdout.Result.Trim() != "500500")
        {
            throw new InvalidOperationException($"actormap failed (exit {process.ExitCode}): {stdout.Result}{stderr.Result}");
        }
        return elapsed;
    }

    private static void Report(TextWriter output, string build, string cache, List<double> sorted) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{build,-22} {cache,-6} {sorted[0],6:0} ms {sorted[sorted.Count / 2],6:0} ms {sorted[^1],6:0} ms"));

    private static string Quote(string arg) => arg.Contains(' ', StringComparison.Ordinal) ? $"\"{arg}\"" : arg;

    private static string? FindRoot()
    {
        var directory = new DirectoryInfo(Environment.CurrentDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ActorMap.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName;
    }
}
