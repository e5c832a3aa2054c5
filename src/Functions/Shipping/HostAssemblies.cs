using System.Reflection;
using System.Runtime.InteropServices;

namespace ActorMap.Functions.Shipping;

/// <summary>
/// The assemblies every node has of its own, so they are never shipped and a shipped set
/// always takes them from the host (the default context): the shared framework, ActorMap's
/// and Akka's. Sharing them is what lets a shipped function return a <c>long[]</c> or take an
/// ActorMap type that the node's pipeline understands; a private copy would be another type.
/// </summary>
internal static class HostAssemblies
{
    // The runtime directory is dotnet/shared/Microsoft.NETCore.App/<version>/; its grandparent
    // holds every shared framework (ASP.NET Core's too), which are as much the host's.
    private static readonly Lazy<string[]> s_frameworkDirectories = new(FrameworkDirectories);

    private static readonly Lazy<HashSet<string>> s_frameworkNames = new(FrameworkNames);

    /// <summary>ActorMap's and Akka's own by name: the node has them whatever the caller built against.</summary>
    public static bool IsOwnName(string name) =>
        name.StartsWith("ActorMap.", StringComparison.OrdinalIgnoreCase)
        || name is "actormap" or "actormap-seed" or "actormap-worker"
        || name == "Akka"
        || name.StartsWith("Akka.", StringComparison.Ordinal);

    /// <summary>
    /// The framework by name, as a node decides it: an assembly on the node's trusted platform
    /// list that lives in a shared framework directory (an app's own NuGet assemblies are on
    /// that list too, from its deps.json, and are not the framework).
    /// </summary>
    public static bool IsFrameworkName(string name) => s_frameworkNames.Value.Contains(name);

    /// <summary>Taken from the host by a shipped load context, never from the set.</summary>
    public static bool IsHostName(string name) => IsOwnName(name) || IsFrameworkName(name);

    /// <summary>The framework by location, as the caller decides it for an assembly it has loaded.</summary>
    public static bool IsFramework(Assembly assembly)
    {
        if (assembly.GetName().Name is { } name && IsFrameworkName(name))
        {
            return true;
        }
        var location = assembly.IsDynamic ? "" : assembly.Location;
        return location.Length > 0 && IsUnderFramework(location);
    }

    private static bool IsUnderFramework(string path)
    {
        var full = Path.GetFullPath(path);
        foreach (var directory in s_frameworkDirectories.Value)
        {
            if (full.StartsWith(directory, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static string[] FrameworkDirectories()
    {
        var runtime = Path.TrimEndingDirectorySeparator(Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory()));
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(runtime));
        // Only in the usual dotnet/shared/<framework>/<version> layout: a self-contained app has
        // its runtime in the app directory, beside its own assemblies, and is judged by name.
        return shared is not null && Path.GetFileName(shared) == "shared"
            ? [runtime + Path.DirectorySeparatorChar, shared + Path.DirectorySeparatorChar]
            : [];
    }

    private static HashSet<string> FrameworkNames()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var platform = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var path in platform)
        {
            if (IsUnderFramework(path))
            {
                names.Add(Path.GetFileNameWithoutExtension(path));
            }
        }
        if (s_frameworkDirectories.Value.Length == 0)
        {
            // Self-contained: the framework's files sit beside the app's, so its names decide.
            foreach (var path in platform)
            {
                var name = Path.GetFileNameWithoutExtension(path);
                if (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal)
                    || name is "System" or "Microsoft.CSharp" or "Microsoft.VisualBasic" or "Microsoft.VisualBasic.Core" or "WindowsBase")
                {
                    names.Add(name);
                }
            }
        }
        names.Add("System.Private.CoreLib");
        names.Add("mscorlib");
        names.Add("netstandard");
        return names;
    }
}
