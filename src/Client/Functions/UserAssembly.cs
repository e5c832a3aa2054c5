using System.Reflection;
using ActorMap.Functions;
using ActorMap.Functions.Shipping;

namespace ActorMap.Client.Functions;

/// <summary>
/// Loads --assembly into a <see cref="UserAssemblyContext"/> and loads its dependencies at once,
/// so a missing NuGet assembly is a usage error naming it, not a job failing at element 0.
/// </summary>
internal static class UserAssembly
{
    public static Assembly Load(string fullPath, string displayed)
    {
        if (!File.Exists(fullPath))
        {
            throw new UsageException(Directory.Exists(fullPath)
                ? $"--assembly: '{displayed}' is a directory; give the .dll file"
                : $"--assembly: '{displayed}' does not exist");
        }
        AssemblyName name;
        try
        {
            name = AssemblyName.GetAssemblyName(fullPath);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--assembly: '{displayed}' is not a .NET assembly: {e.Message}");
        }
        if (name.Name is { } simple && HostAssemblies.IsHostName(simple))
        {
            throw new UsageException($"--assembly: '{displayed}' is {simple}, one of ActorMap's, Akka's or the framework's own assemblies; name your library otherwise");
        }
        var context = new UserAssemblyContext(fullPath);
        Assembly assembly;
        try
        {
            assembly = context.LoadFromAssemblyPath(fullPath);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or IOException)
        {
            throw new UsageException($"--assembly: cannot load '{displayed}': {e.Message}");
        }
        LoadDependencies(assembly, context, displayed);
        return assembly;
    }

    // Transitive, in the user's context; the host's own names are the default context's business.
    private static void LoadDependencies(Assembly root, UserAssemblyContext context, string displayed)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { root.GetName().Name! };
        var pending = new Stack<Assembly>([root]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is not { } name || HostAssemblies.IsHostName(name) || !seen.Add(name))
                {
                    continue;
                }
                try
                {
                    pending.Push(context.LoadFromAssemblyName(reference));
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    var via = assembly == root ? "" : $" (through {assembly.GetName().Name})";
                    throw new UsageException(
                        $"--assembly: '{displayed}' needs {reference.FullName}{via}, which cannot be loaded: {e.Message} "
                        + $"Is {name}.dll in {Path.GetDirectoryName(root.Location)}? A library's bin folder holds its NuGet dependencies only with <CopyLocalLockFileAssemblies>true</CopyLocalLockFileAssemblies> (or use dotnet publish).");
                }
            }
        }
    }
}
