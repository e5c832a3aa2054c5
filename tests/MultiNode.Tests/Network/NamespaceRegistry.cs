using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ActorMap.MultiNode.Tests.Network;

/// <summary>
/// Every network namespace this test process created and has not deleted yet. Names carry a
/// per-network prefix, <c>am-&lt;6 hex&gt;-</c>, so a leftover is easy to find and to tell from
/// anyone else's. The trap: when the test process exits with namespaces still registered (a spec
/// that never reached its dispose), ProcessExit deletes them, and their /etc/netns leftovers.
/// A test process killed outright runs no ProcessExit: each prefix therefore has an owner file
/// naming its pid, and the next test process deletes the namespaces of owners that are gone.
/// </summary>
internal static class NamespaceRegistry
{
    public const string Family = "am-";

    private const string EtcNetns = "/etc/netns";

    private const string Owners = "/run/actormap-netns";

    private static readonly ConcurrentDictionary<string, byte> s_live = new(StringComparer.Ordinal);

    static NamespaceRegistry()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteAll();
    }

    /// <summary>A fresh prefix, such as <c>am-3fa9c1-</c>: 10 characters, leaving 5 of a link name's 15.</summary>
    public static string NewPrefix() => Family + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant() + "-";

    /// <summary><c>ip netns add</c>, registered first so that a failure half-way is still cleaned up.</summary>
    public static void Add(string prefix, string name)
    {
        var owner = Path.Combine(Owners, prefix);
        if (!File.Exists(owner))
        {
            Directory.CreateDirectory(Owners);
            File.WriteAllText(owner, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        s_live[name] = 0;
        Ip.Run("netns", "add", name);
    }

    /// <summary>Forgets a prefix whose namespaces are all deleted.</summary>
    public static void Release(string prefix) => File.Delete(Path.Combine(Owners, prefix));

    /// <summary>Deletes what earlier test processes, killed before their ProcessExit, left behind.</summary>
    public static void SweepOrphans()
    {
        if (!Directory.Exists(Owners))
        {
            return;
        }
        foreach (var owner in Directory.GetFiles(Owners))
        {
            var prefix = Path.GetFileName(owner);
            if (!int.TryParse(File.ReadAllText(owner), out var pid) || Directory.Exists("/proc/" + pid))
            {
                continue;
            }
            var failures = new List<string>();
            foreach (var leftover in Remaining(prefix).Where(r => r.StartsWith("namespace ", StringComparison.Ordinal)))
            {
                Delete(leftover["namespace ".Length..], failures);
            }
            if (failures.Count == 0)
            {
                Release(prefix);
            }
        }
    }

    /// <summary>Deletes the namespace (its links go with it) and any /etc/netns/NAME; collects what failed.</summary>
    public static void Delete(string name, List<string> failures)
    {
        if (Ip.TryRun("netns", "delete", name) is { } error && Exists(name))
        {
            failures.Add(error);
        }
        try
        {
            var etc = Path.Combine(EtcNetns, name);
            if (Directory.Exists(etc))
            {
                Directory.Delete(etc, recursive: true);
            }
        }
        catch (IOException e)
        {
            failures.Add($"{EtcNetns}/{name}: {e.Message}");
        }
        s_live.TryRemove(name, out _);
    }

    /// <summary>Namespaces and root-namespace links whose name starts with <paramref name="prefix"/>: what a clean run leaves none of.</summary>
    public static IReadOnlyList<string> Remaining(string prefix)
    {
        var namespaces = Ip.Run("netns", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ')[0])
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => "namespace " + n);
        // Links are created inside the namespaces and die with them; one here would be a harness bug.
        var links = Ip.Run("-o", "link", "show").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 3) is [_, var name, _] ? name.Trim().Split('@')[0] : "")
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => "link " + n);
        var etc = Directory.Exists(EtcNetns)
            ? Directory.GetDirectories(EtcNetns).Select(Path.GetFileName).Where(n => n!.StartsWith(prefix, StringComparison.Ordinal)).Select(n => EtcNetns + "/" + n)
            : [];
        return [.. namespaces, .. links, .. etc];
    }

    private static bool Exists(string name) => File.Exists(Path.Combine("/var/run/netns", name));

    private static void DeleteAll()
    {
        var failures = new List<string>();
        foreach (var name in s_live.Keys)
        {
            Delete(name, failures);
        }
        foreach (var failure in failures)
        {
            Console.Error.WriteLine("netns cleanup: " + failure);
        }
    }
}
