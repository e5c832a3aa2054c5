using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorMap.MultiNode.Tests.Support;

/// <summary>
/// A running Seed or WorkerNode process, started on port 0 and known by the address it printed in
/// its <c>listening on HOST:PORT</c> line.
/// </summary>
public sealed partial class NodeProcess : IAsyncDisposable
{
    private NodeProcess(ChildProcess process, string host, int port, int apiPort)
    {
        Process = process;
        Host = host;
        Port = port;
        ApiPort = apiPort;
    }

    public ChildProcess Process { get; }

    public string Name => Process.Name;

    public string Host { get; }

    public int Port { get; }

    /// <summary>The Seed's client endpoint port (0 for a worker).</summary>
    public int ApiPort { get; }

    /// <summary>HOST:PORT of the cluster port, as a worker's <c>--seed</c> takes it.</summary>
    public string Endpoint => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>HOST:PORT of the Seed's client endpoint, as the console's <c>--seed</c> takes it.</summary>
    public string ApiEndpoint => $"{Host}:{ApiPort.ToString(CultureInfo.InvariantCulture)}";

    public OutputLines Output => Process.Output;

    /// <summary>Waits until a started Seed or WorkerNode process accepts connections.</summary>
    public static async Task<NodeProcess> WhenListeningAsync(ChildProcess process, TimeSpan timeout)
    {
        var line = await process.WaitForLineAsync(l => !l.IsError && ListeningLine().IsMatch(l.Text), timeout, "\"listening on HOST:PORT\" on stdout");
        var match = ListeningLine().Match(line.Text);
        var apiPort = 0;
        if (match.Groups["role"].Value == "seed")
        {
            var api = await process.WaitForLineAsync(l => !l.IsError && ApiLine().IsMatch(l.Text), timeout, "\"client endpoint on HOST:PORT\" on stdout");
            apiPort = int.Parse(ApiLine().Match(api.Text).Groups["port"].Value, CultureInfo.InvariantCulture);
        }
        return new NodeProcess(process, match.Groups["host"].Value, int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture), apiPort);
    }

    /// <summary>True when a member address from <c>status</c> (e.g. <c>akka.tcp://name@host:port</c>) is this node's.</summary>
    public bool IsAddress(string address)
    {
        var match = AddressEnd().Match(address);
        return match.Success
            && int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture) == Port
            && string.Equals(match.Groups["host"].Value, Host, StringComparison.OrdinalIgnoreCase);
    }

    public Task<OutputLine> WaitForLineAsync(string containing, TimeSpan timeout) => Process.WaitForLineAsync(containing, timeout);

    public Task<int> WaitForExitAsync(TimeSpan timeout) => Process.WaitForExitAsync(timeout);

    /// <summary>SIGKILL: the node crashes.</summary>
    public void Kill() => Process.Kill();

    /// <summary>SIGTERM: the node shuts down in order (a worker leaves the cluster first).</summary>
    public Task TerminateAsync() => Process.TerminateAsync();

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    public override string ToString() => $"{Process} at {Endpoint}";

    [GeneratedRegex(@"listening on (?<host>\S+):(?<port>\d+) as (?<role>seed|worker)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"client endpoint on \S+:(?<port>\d+)")]
    private static partial Regex ApiLine();

    [GeneratedRegex(@"(?:^|[@/])(?<host>[^@/:\s]+):(?<port>\d+)/?$")]
    private static partial Regex AddressEnd();
}
