using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace ActorMap.Functions.Shipping;

/// <summary>
/// One shipped assembly set, loaded on a node: collectible, so it goes when no job uses it
/// (<see cref="ShippedContexts"/> decides when). The set's assemblies come from the store,
/// checked against their hash, through streams (no file stays open or locked) with their PDB
/// when shipped. The framework, ActorMap and Akka always come from the host, and so does any
/// name the set does not hold; a name the set holds always comes from the set, whatever
/// version the host has loaded, so two jobs with different versions of one assembly each
/// see their own. The hash, not the host's copy of the same version, is the identity.
/// </summary>
internal sealed class ShippedLoadContext : AssemblyLoadContext
{
    private readonly AssemblyStore _store;
    private readonly Dictionary<string, PackageAssembly> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Assembly> _loaded = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _gate = new();

    public ShippedLoadContext(string setKey, IEnumerable<PackageAssembly> assemblies, AssemblyStore store)
        : base("actormap-shipped-" + setKey[..Math.Min(16, setKey.Length)], isCollectible: true)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        foreach (var assembly in assemblies)
        {
            _byName[assembly.Name] = assembly;
        }
        // The runtime holds a context strongly until it is collected, so a context that holds
        // its own assemblies is never collected: forget them as the unload begins.
        Unloading += static context => ((ShippedLoadContext)context).ForgetLoaded();
    }

    /// <summary>The set's assembly named <paramref name="name"/>, loaded from the store on first use; null if the set has no such name.</summary>
    public Assembly? LoadShipped(string name)
    {
        if (!_byName.TryGetValue(name, out var entry) || HostAssemblies.IsHostName(name))
        {
            return null;
        }
        // The runtime calls Load from any thread; two LoadFromStream calls of one name would fail the second.
        lock (_gate)
        {
            if (_loaded.TryGetValue(name, out var known))
            {
                return known;
            }
            var image = _store.Read(entry.Hash, entry.Name + ".dll");
            var pdb = entry.PdbHash is null ? null : _store.Read(entry.PdbHash, entry.Name + ".pdb");
            using var imageStream = new MemoryStream(image, writable: false);
            using var pdbStream = pdb is null ? null : new MemoryStream(pdb, writable: false);
            Assembly assembly;
            try
            {
                assembly = LoadFromStream(imageStream, pdbStream);
            }
            catch (BadImageFormatException e)
            {
                throw new ShippedAssemblyException($"'{entry.Name}' ({entry.Hash}) is not a .NET assembly this runtime can load: {e.Message}", e);
            }
            _loaded.Add(name, assembly);
            return assembly;
        }
    }

    private void ForgetLoaded()
    {
        lock (_gate)
        {
            _loaded.Clear();
        }
    }

    /// <summary>The verified store path of the native library the runtime asks for by <paramref name="name"/>, or null.</summary>
    public string? NativePath(string name)
    {
        var candidates = NativeFileNames(name);
        PackageNative? best = null;
        var bestRank = int.MaxValue;
        foreach (var assembly in _byName.Values)
        {
            foreach (var native in assembly.Natives)
            {
                if (candidates.Contains(native.FileName) && RidRank(native.Rid) is var rank and >= 0 && rank < bestRank)
                {
                    (best, bestRank) = (native, rank);
                }
            }
        }
        return best is null ? null : _store.VerifiedPath(best.Hash, best.FileName);
    }

    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name is { } name ? LoadShipped(name) : null;

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        NativePath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    // DllImport("foo") may mean foo, libfoo.so, foo.dll, libfoo.dylib: the names the runtime itself would probe.
    private static HashSet<string> NativeFileNames(string name)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { name };
        foreach (var prefix in new[] { "", "lib" })
        {
            foreach (var suffix in new[] { ".so", ".dll", ".dylib" })
            {
                names.Add(prefix + name + suffix);
            }
        }
        return names;
    }

    // 0 for this exact runtime (linux-x64), 1 for its portable form, 2 for any runtime, -1 for another.
    private static int RidRank(string rid)
    {
        if (rid.Length == 0)
        {
            return 2;
        }
        if (rid == RuntimeInformation.RuntimeIdentifier)
        {
            return 0;
        }
        return rid == PortableRid() ? 1 : -1;
    }

    private static string PortableRid()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : OperatingSystem.IsLinux() ? "linux" : "unknown";
        return $"{os}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";
    }
}
