using System.Globalization;
using ActorMap.Compute.Telemetry;
using ActorMap.Functions;

namespace ActorMap.Client.Output;

/// <summary>The --report file: checked before the job runs, written when it ends, and the summary line's share of it.</summary>
internal static class ReportFile
{
    /// <summary>The full path, once it is known to be writable: a bad path is a usage error before anything runs.</summary>
    public static string Check(CliEnvironment environment, string report)
    {
        var path = environment.FullPath(report);
        var directory = Path.GetDirectoryName(path);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new UsageException($"--report: directory '{directory}' does not exist");
        }
        if (Directory.Exists(path))
        {
            throw new UsageException($"--report: '{report}' is a directory");
        }
        var existed = File.Exists(path);
        try
        {
            // Opened for writing and left as it was: what fails here would fail after the job, too late.
            using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
            {
            }
            if (!existed)
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--report: cannot write '{report}': {e.Message}");
        }
        return path;
    }

    /// <summary>Writes the report; a failure now (the disk filled up) is one line on stderr, and the job's result still stands.</summary>
    public static void Write(CliEnvironment environment, string path, JobReport report)
    {
        try
        {
            report.WriteHtml(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            environment.Stderr.WriteLine($"actormap: --report: cannot write '{path}': {e.Message}");
        }
    }

    /// <summary>"; speed-up S, efficiency E %" for the summary line, or nothing without a report.</summary>
    public static string Parallelism(JobReport? report) => report is null ? "" : string.Create(CultureInfo.InvariantCulture,
        $"; speed-up {report.SpeedUp:0.00}, efficiency {report.Efficiency * 100:0} %");
}
