using System.Diagnostics;

namespace ActorMap.MultiNode.Tests.Network;

/// <summary>
/// Runs iproute2's <c>ip</c> (and other short tools) to completion. Synchronous on purpose: the
/// commands take milliseconds, and the ProcessExit safety net, which cannot await, uses them too.
/// </summary>
internal static class Ip
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    /// <summary><c>ip ARGS</c>; throws with the command and its stderr when it fails.</summary>
    public static string Run(params string[] args) => Tool("ip", args);

    /// <summary><c>ip ARGS</c>; the error text when it fails, null when it worked.</summary>
    public static string? TryRun(params string[] args)
    {
        var (code, _, stderr) = Execute("ip", args);
        return code == 0 ? null : $"ip {string.Join(' ', args)} exited with {code}: {stderr.Trim()}";
    }

    /// <summary>Any program, run to its end; throws with its stderr when it fails.</summary>
    public static string Tool(string program, params string[] args)
    {
        var (code, stdout, stderr) = Execute(program, args);
        if (code != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {code}: {stderr.Trim()}");
        }
        return stdout;
    }

    private static (int Code, string Stdout, string Stderr) Execute(string program, string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill();
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {s_timeout.TotalSeconds:0}s");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
