using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ActorMap.Bench.Cluster;

/// <summary>A Seed and workers as real processes on loopback, killed when disposed.</summary>
internal sealed partial class NodeProcesses : IDisposable
{
    private readonly List<Process> _processes = [];
    private readonly string _root;
    private readonly string _configuration;

    public NodeProcesses(string root, string configuration)
    {
        _root = root;
        _configuration = configuration;
    }

    public string Dll(string project, string assembly) => Path.Combine(_root, "src", project, "bin", _configuration, "net10.0", assembly + ".dll");

    /// <summary>
    /// Starts the process and waits for its "listening on HOST:PORT" line (a Seed: its "client
    /// endpoint on HOST:PORT" line); returns that port. <paramref name="environment"/> is added to this
    /// process's own (the shipping suite gives each node a fresh store directory this way).
    /// </summary>
    public int Start(string project, string assembly, string arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Dll(project, assembly);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build it first (dotnet build -c {_configuration} {Path.Combine("src", project)})");
        }
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        var process = Process.Start(info)!;
        _processes.Add(process);
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            var ready = project == "Seed" ? ApiLine() : ListeningLine();
            if (e.Data is { } line && ready.Match(line) is { Success: true } match && line.Contains("ActorMap.Node", StringComparison.Ordinal))
            {
                listening.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!listening.Task.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException($"{assembly} did not report 'listening on' within 60 s");
        }
        return listening.Task.Result;
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            process.Dispose();
        }
    }

    [GeneratedRegex(@"listening on [^\s:]+:(\d+) as")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"client endpoint on [^\s:]+:(\d+)")]
    private static partial Regex ApiLine();
}
