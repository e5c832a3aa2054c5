using System.Diagnostics;

namespace ActorMap.Bench.Python;

/// <summary>One run of a program to its exit: wall time from start to exit (start-up included) and its output.</summary>
internal sealed record ProcessRun(double Seconds, string Stdout);

internal static class WholeProcess
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="args"/> in <paramref name="workingDirectory"/>; the
    /// environment is this process's without any ACTORMAP_ variable, then <paramref name="environment"/>,
    /// so a developer's shell settings never change a figure. Throws, with its stderr, unless it exits 0.
    /// </summary>
    public static ProcessRun Run(string file, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("ACTORMAP_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(inherited);
        }
        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
        }
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        // Both pipes drained while it runs: a full pipe would stall the child and inflate its time.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Describe(start)} did not finish within {s_timeout.TotalMinutes} minutes");
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Describe(start)} exited with {process.ExitCode}:\n{stdout.Result}{stderr.Result}");
        }
        return new ProcessRun(seconds, stdout.Result);
    }

    private static string Describe(ProcessStartInfo start) =>
        $"{start.FileName} {string.Join(' ', start.ArgumentList.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a))}";
}
