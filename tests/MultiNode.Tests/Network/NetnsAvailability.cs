using System.ComponentModel;

namespace ActorMap.MultiNode.Tests.Network;

/// <summary>
/// Whether this machine lets the test create network namespaces: Linux, root, iproute2, and an
/// <c>ip netns add</c> that works (a container without CAP_SYS_ADMIN refuses it). Probed once
/// per test process, by creating and deleting a namespace of its own. ACTORMAP_TEST_NETNS=off
/// skips them on a machine that could run them (a developer who wants a quick run).
/// </summary>
internal static class NetnsAvailability
{
    private static readonly Lazy<string?> s_skipReason = new(Probe);

    /// <summary>Null when namespaces work; otherwise why the network specs are skipped.</summary>
    public static string? SkipReason => s_skipReason.Value;

    private static string? Probe()
    {
        const string prefix = "network partition specs skipped: ";
        if (Environment.GetEnvironmentVariable("ACTORMAP_TEST_NETNS") == "off")
        {
            return prefix + "ACTORMAP_TEST_NETNS=off";
        }
        if (!OperatingSystem.IsLinux())
        {
            return prefix + "network namespaces are Linux only";
        }
        if (!Environment.IsPrivilegedProcess)
        {
            return prefix + "ip netns needs root (run the tests as root, as CI does)";
        }
        try
        {
            NamespaceRegistry.SweepOrphans();
            var probe = NamespaceRegistry.NewPrefix();
            var name = probe + "probe";
            var failures = new List<string>();
            try
            {
                NamespaceRegistry.Add(probe, name);
                Ip.Run("netns", "exec", name, "ip", "link", "set", "lo", "up");
            }
            finally
            {
                NamespaceRegistry.Delete(name, failures);
                NamespaceRegistry.Release(probe);
            }
            return failures.Count == 0 ? null : prefix + string.Join("; ", failures);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or IOException or UnauthorizedAccessException)
        {
            return prefix + "ip netns is not permitted here: " + e.Message;
        }
    }
}
