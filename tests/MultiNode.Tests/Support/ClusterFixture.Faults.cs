using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace ActorMap.MultiNode.Tests.Support;

/// <summary>What the fault specs need beyond starting nodes: configuration files, fast failure detection and fixed ports.</summary>
public sealed partial class ClusterFixture
{
    /// <summary>
    /// The failure detector and split-brain resolver shortened (Akka's defaults are 1 s and 3 s,
    /// our stable-after 5 s), so a spec sees unreachable, downed and rejoined in seconds. Every
    /// node of a spec gets the same, as a real cluster would.
    /// </summary>
    public const string FastFailureDetection = """
        akka.cluster.failure-detector { heartbeat-interval = 500ms, acceptable-heartbeat-pause = 1500ms }
        akka.cluster.split-brain-resolver.stable-after = 2s

        """;

    /// <summary>The <see cref="JobGate"/> job from the console, not waited for: it cannot end before the gate opens.</summary>
    public ChildProcess StartGatedJob() =>
        StartConsole("map", JobGate.Function, "--range", $"0..{JobGate.Elements}", "--chunk-size", JobGate.ChunkSize);

    /// <summary>Until status shows chunks finished by <paramref name="node"/>: it then holds gated ones too.</summary>
    public Task AwaitChunksDoneByAsync(NodeProcess node) =>
        AwaitStatusAsync(status =>
            Assert.True(status.MemberOf(node) is { ChunksDone: > 0 }, $"{node} has run no chunk yet: {status}"), Timeouts.Job);

    /// <summary>A port free now on loopback, for a node that must come back at the same host:port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The text goes to a file of its own in the spec's directory, named by its content.
    private string[] ConfigArguments(string? config)
    {
        if (config is null)
        {
            return [];
        }
        var path = Path.Combine(WorkDirectory, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(config)))[..12] + ".hocon");
        File.WriteAllText(path, config);
        return ["--config", path];
    }
}
