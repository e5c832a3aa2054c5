using Xunit.Abstractions;

namespace ActorMap.MultiNode.Tests.Support;

/// <summary>
/// The processes one spec started, in its own scratch directory: disposing kills whatever still
/// runs, writes each process's last lines to the spec's output (status polls left out: they
/// only repeat themselves) and deletes the directory.
/// </summary>
public sealed class SpecProcesses(ITestOutputHelper output, string workDirectory) : IAsyncDisposable
{
    private readonly List<ChildProcess> _processes = [];
    private readonly Lock _gate = new();

    public string WorkDirectory { get; } = workDirectory;

    public ChildProcess Track(ChildProcess process)
    {
        lock (_gate)
        {
            _processes.Add(process);
        }
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        List<ChildProcess> processes;
        lock (_gate)
        {
            processes = [.. _processes];
        }
        await Task.WhenAll(processes.Select(p => p.DisposeAsync().AsTask()));
        foreach (var process in processes.Where(p => !p.Name.StartsWith("status-", StringComparison.Ordinal)))
        {
            output.WriteLine($"=== {process} ===\n{process.Output.Tail(60)}");
        }
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A scratch directory left in /tmp is harmless.
        }
    }
}
