using System.Reflection;
using System.Runtime.Loader;
using ActorMap.Functions.Shipping;

namespace ActorMap.Client.Functions;

/// <summary>
/// The load context of a user's assembly (map --assembly), one per assembly. Its dependencies
/// resolve through the library's own .deps.json (<see cref="AssemblyDependencyResolver"/>),
/// then by file name in its directory. The framework, ActorMap and Akka always come from the
/// default context: a second copy of ActorMap.Compute would have types the pipeline does not
/// know. Not collectible: the console runs one job and exits, and a later step packages the
/// bound delegates, which needs their assemblies alive.
/// </summary>
internal sealed class UserAssemblyContext : AssemblyLoadContext
{
    private readonly string _directory;
    private readonly AssemblyDependencyResolver? _resolver;

    public UserAssemblyContext(string assemblyPath)
        : base("actormap-assembly-" + Path.GetFileNameWithoutExtension(assemblyPath))
    {
        _directory = Path.GetDirectoryName(assemblyPath)!;
        try
        {
            _resolver = new AssemblyDependencyResolver(assemblyPath);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // A malformed or missing deps.json: the directory alone still finds what bin holds.
            _resolver = null;
        }
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is not { } name || HostAssemblies.IsHostName(name))
        {
            return null;
        }
        var path = _resolver?.ResolveAssemblyToPath(assemblyName);
        if (path is null)
        {
            var local = Path.Combine(_directory, name + ".dll");
            path = File.Exists(local) ? local : null;
        }
        // Null lets the default context try: an assembly the host has (System.CommandLine, say) or none.
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver?.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
