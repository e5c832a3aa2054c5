using ActorMap.MultiNode.Tests.Support;

namespace ActorMap.MultiNode.Tests.Network;

/// <summary>
/// The TLS directory of every netns cluster in this test run, written once by the console's own
/// <c>certs create</c>: nodes bind 198.18.0.x, and a node refuses a non-loopback address without
/// TLS. The node certificate names every address the harness hands out.
/// </summary>
internal static class ClusterTls
{
    private static readonly Lazy<Task<string>> s_directory = new(CreateAsync);

    public static Task<string> DirectoryAsync() => s_directory.Value;

    private static async Task<string> CreateAsync()
    {
        var parent = Directory.CreateTempSubdirectory("actormap-netns-tls-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(parent, recursive: true);
            }
            catch (IOException)
            {
                // Left in /tmp: a throwaway CA for 198.18.0.x, valid nowhere else.
            }
        };
        var directory = Path.Combine(parent, "tls");
        var hosts = NetnsCluster.Addresses.SelectMany(a => new[] { "--host", a });
        await using var console = ChildProcess.Start("certs", BuiltAssemblies.Console, ["certs", "create", "--out", directory, .. hosts],
            new Dictionary<string, string>(), parent);
        var code = await console.WaitForExitAsync(Timeouts.Job);
        if (code != 0)
        {
            throw new InvalidOperationException($"actormap certs create exited with {code}:\n{console.Output.Tail()}");
        }
        return directory;
    }
}
