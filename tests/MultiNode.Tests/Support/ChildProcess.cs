using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ActorMap.MultiNode.Tests.Support;

/// <summary>
/// A <c>dotnet DLL ARGS</c> child with its output captured line by line. Every one started is
/// kept in a process-wide registry until it has exited: disposing kills it if it still runs, and
/// so does the test process's exit, so a failing or aborted spec leaves no node behind.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, ChildProcess> s_running = new();

    private readonly Process _process;
    private int _id;

    static ChildProcess()
    {
        // Last resort: a spec that never reached its DisposeAsync (the runner gave up on it).
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    /// <summary>The spec's name for it, such as "seed" or "worker-2", used in failure messages.</summary>
    public string Name { get; }

    public int Id => _id;

    public OutputLines Output { get; } = new();

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <c>dotnet <paramref name="dll"/> <paramref name="args"/></c>. The child gets this
    /// process's environment without any <c>ACTORMAP_</c> variable, then <paramref name="environment"/>:
    /// a developer's shell settings never leak into a spec. A <paramref name="launcher"/> (such as
    /// <c>ip netns exec NS</c>) goes in front of <c>dotnet</c>; it must exec its command, so that
    /// <see cref="Id"/> stays the node's own pid and signals reach it.
    /// </summary>
    public static ChildProcess Start(string name, string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string workingDirectory,
        IReadOnlyList<string>? launcher = null)
    {
        var start = new ProcessStartInfo(launcher is { Count: > 0 } ? launcher[0] : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (launcher is { Count: > 0 })
        {
            foreach (var word in launcher.Skip(1))
            {
                start.ArgumentList.Add(word);
            }
            start.ArgumentList.Add("dotnet");
        }
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
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.OnLine(isError: false, e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(isError: true, e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{name}: dotnet {dll} did not start");
        }
        child._id = process.Id;
        s_running[child._id] = child;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Nothing reads stdin: a child waiting on it must see its end, not block forever.
        process.StandardInput.Close();
        return child;
    }

    /// <summary>
    /// The first line (already printed or still to come, from the <paramref name="from"/>th on) that
    /// matches. Fails with the output's tail when the process ends without one, or when
    /// <paramref name="timeout"/> passes.
    /// </summary>
    public async Task<OutputLine> WaitForLineAsync(Func<OutputLine, bool> match, TimeSpan timeout, string description, int from = 0)
    {
        using var deadline = new CancellationTokenSource(timeout);
        OutputLine? line;
        try
        {
            line = await Output.FirstAsync(match, deadline.Token, from);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{this} printed no line {description} within {timeout.TotalSeconds:0.#}s; its last lines:\n{Output.Tail()}");
        }
        return line ?? throw new InvalidOperationException($"{this} {ExitDescription()} without printing a line {description}; its last lines:\n{Output.Tail()}");
    }

    public Task<OutputLine> WaitForLineAsync(string containing, TimeSpan timeout) =>
        WaitForLineAsync(l => l.Text.Contains(containing, StringComparison.Ordinal), timeout, $"containing \"{containing}\"");

    /// <summary>Waits for the exit and the end of both streams; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{this} did not exit within {timeout.TotalSeconds:0.#}s; its last lines:\n{Output.Tail()}");
        }
        s_running.TryRemove(_id, out _);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: a crash, no chance to say goodbye.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }

    /// <summary>SIGTERM: asks for an orderly shutdown; does not wait for it.</summary>
    public Task TerminateAsync() => SignalAsync("TERM");

    /// <summary>SIGINT: what Ctrl+C in a terminal sends; does not wait for the exit.</summary>
    public Task InterruptAsync() => SignalAsync("INT");

    /// <summary>SIGSTOP: the process freezes (a long GC pause, a VM stall); no sockets close.</summary>
    public Task FreezeAsync() => SignalAsync("STOP");

    /// <summary>SIGCONT: a frozen process runs on, unaware of the time it lost.</summary>
    public Task ResumeAsync() => SignalAsync("CONT");

    private async Task SignalAsync(string signal)
    {
        var kill = new ProcessStartInfo("kill") { UseShellExecute = false };
        kill.ArgumentList.Add("-" + signal);
        kill.ArgumentList.Add(_id.ToString(CultureInfo.InvariantCulture));
        using var sent = Process.Start(kill) ?? throw new InvalidOperationException("could not run kill");
        await sent.WaitForExitAsync();
        if (sent.ExitCode != 0 && !_process.HasExited)
        {
            throw new InvalidOperationException($"kill -{signal} {_id} exited with {sent.ExitCode}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // A SIGKILLed process that is still not reaped; the registry keeps it for ProcessExit.
            return;
        }
        s_running.TryRemove(_id, out _);
        _process.Dispose();
    }

    public override string ToString() => $"{Name} (pid {_id})";

    private static void KillAll()
    {
        foreach (var child in s_running.Values)
        {
            child.Kill();
        }
    }

    private string ExitDescription() =>
        _process.HasExited ? $"exited with code {_process.ExitCode}" : "closed its output";

    private void OnLine(bool isError, string? text)
    {
        if (text is null)
        {
            Output.StreamEnded();
        }
        else
        {
            Output.Add(isError, text);
        }
    }
}
