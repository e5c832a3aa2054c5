using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorMap.Bench.Faults;

/// <summary>
/// A Seed or WorkerNode as a real process (<c>dotnet DLL ARGS</c>), its output stamped line by line
/// as it arrives. Started without waiting: <see cref="ListeningAsync"/> waits for its
/// "listening on HOST:PORT" line. Disposing kills it if it still runs.
/// </summary>
internal sealed partial class NodeProcess : IDisposable
{
    private readonly Process _process;
    private double? _lastCpuSeconds;

    private NodeProcess(string name, Process process, long started)
    {
        Name = name;
        _process = process;
        Started = started;
    }

    public string Name { get; }

    /// <summary>The Stopwatch timestamp just before the process was started.</summary>
    public long Started { get; }

    public TimedLines Lines { get; } = new();

    public int Pid => _process.Id;

    public static NodeProcess Start(string name, string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
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
        var process = new Process { StartInfo = start };
        var node = new NodeProcess(name, process, Stopwatch.GetTimestamp());
        process.OutputDataReceived += (_, e) => node.Lines.Add(e.Data);
        process.ErrorDataReceived += (_, e) => node.Lines.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Its cluster port, from its "listening on HOST:PORT as" line.</summary>
    public async Task<int> ListeningAsync(TimeSpan timeout) =>
        Port(ListeningLine(), await Lines.FirstAsync(0, timeout, Name, "ActorMap.Node", "listening on "));

    /// <summary>A Seed's client endpoint port, from its "client endpoint on HOST:PORT" line.</summary>
    public async Task<int> ClientEndpointAsync(TimeSpan timeout) =>
        Port(ApiLine(), await Lines.FirstAsync(0, timeout, Name, "ActorMap.Node", "client endpoint on "));

    /// <summary>Its CPU seconds so far; once it has been killed, what it had used by then.</summary>
    public double? CpuSeconds() => _lastCpuSeconds = ProcStat.ProcessCpuSeconds(Pid) ?? _lastCpuSeconds;

    /// <summary>SIGKILL: a crash.</summary>
    public void Kill()
    {
        // Read first: afterwards /proc forgets it.
        CpuSeconds();
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Sends a signal with kill(1), as an operator would (STOP freezes it, CONT resumes it); returns once kill has exited.</summary>
    public async Task SignalAsync(string signal)
    {
        var kill = new ProcessStartInfo("kill") { UseShellExecute = false };
        kill.ArgumentList.Add("-" + signal);
        kill.ArgumentList.Add(Pid.ToString(CultureInfo.InvariantCulture));
        using var sent = Process.Start(kill) ?? throw new InvalidOperationException("could not run kill");
        await sent.WaitForExitAsync();
        if (sent.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {Pid} exited with {sent.ExitCode}");
        }
    }

    /// <summary>
    /// Its peak resident memory so far in KiB (VmHWM in /proc/PID/status), or null once it has exited.
    /// <c>dotnet X.dll</c> runs the app in the host's own process, so this is the node's.
    /// </summary>
    public long? PeakResidentKiB()
    {
        try
        {
            var line = File.ReadLines($"/proc/{Pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        Kill();
        _process.WaitForExit(5000);
        _process.Dispose();
    }

    public override string ToString() => $"{Name} (pid {Pid})";

    private int Port(Regex pattern, TimedLine line) =>
        pattern.Match(line.Text) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new FormatException($"{Name}: no port in '{line.Text}'");

    [GeneratedRegex(@"listening on [^\s:]+:(\d+) as")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"client endpoint on [^\s:]+:(\d+)")]
    private static partial Regex ApiLine();
}
