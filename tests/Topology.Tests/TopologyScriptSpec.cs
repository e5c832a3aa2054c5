using System.Diagnostics;
using ActorMap.MultiNode.Tests.Network;
using ActorMap.MultiNode.Tests.Support;
using Xunit.Abstractions;

namespace ActorMap.Topology.Tests;

/// <summary>
/// docker-compose.yml's topology, run by scripts/netns-topology.sh in network namespaces against
/// the binaries this test run built: a job checked exactly, a WorkerNode started and another
/// SIGKILLed mid-job, the Seed restarted. The script makes and checks everything itself; this
/// spec runs it once and asserts that every check passed, with its story in the test output.
/// </summary>
[Trait("Category", "MultiNode")]
[Trait("Category", "Netns")]
public sealed class TopologyScriptSpec(ITestOutputHelper output)
{
    // The script's own code for "namespaces are not permitted here" (automake's skip).
    private const int Skipped = 77;

    // A run takes about 75 s on a 2-core machine; each wait inside the script has its own deadline.
    private static readonly TimeSpan s_limit = Timeouts.Job * 3;

    [NetnsFact]
    public async Task The_compose_topology_must_run_a_job_take_a_new_WorkerNode_survive_a_crashed_one_and_a_restarted_Seed()
    {
        var script = Path.Combine(BuiltAssemblies.RepositoryRoot, "scripts", "netns-topology.sh");
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { script, "run", "--no-build" },
            WorkingDirectory = BuiltAssemblies.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The binaries dotnet test just built: the script must not build (it would wait for a lock).
        start.Environment["CONFIGURATION"] = BuiltAssemblies.Configuration;
        start.Environment.Remove("BIN_DIR");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var lines = new List<string>();
        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (lines)
            {
                lines.Add(line);
            }
            output.WriteLine(line);
        }
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(s_limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // SIGTERM runs the script's trap, which stops its nodes and deletes its namespaces.
            Ip.Tool("kill", "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Fail($"scripts/netns-topology.sh did not finish within {s_limit.TotalSeconds:0} s");
        }
        process.WaitForExit();

        string story;
        lock (lines)
        {
            story = string.Join('\n', lines);
        }
        Assert.True(process.ExitCode != Skipped, "the script skipped although ip netns works here:\n" + story);
        Assert.True(process.ExitCode == 0, $"scripts/netns-topology.sh exited with {process.ExitCode}:\n{story}");
        Assert.Contains("topology run passed", story, StringComparison.Ordinal);
        Assert.Contains("cleanup: no namespace or /etc/netns entry", story, StringComparison.Ordinal);
    }
}
