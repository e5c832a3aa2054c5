using Microsoft.Extensions.DependencyModel;

namespace ActorMap.Functions.Shipping;

/// <summary>
/// The native libraries (a package's <c>runtimes/*/native</c>) that go with a shipped
/// assembly, found through the caller's deps.json: the package that holds the assembly, and
/// the native-only packages it depends on (as SQLitePCLRaw's bundles do). Every runtime the
/// deps.json lists is shipped whose file is on the caller's disk, so a node picks its own.
/// </summary>
internal sealed class NativeAssets
{
    private readonly List<(DependencyContext Context, string Directory)> _apps = [];
    private readonly string[] _packageRoots;

    /// <summary>From the deps.json files the caller's host read at start-up (APP_CONTEXT_DEPS_FILES).</summary>
    public static NativeAssets ForApp() =>
        new((AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public NativeAssets(IEnumerable<string> depsFiles)
    {
        ArgumentNullException.ThrowIfNull(depsFiles);
        foreach (var path in depsFiles)
        {
            // The shared framework's own deps.json lists no package of the caller's.
            if (!File.Exists(path) || path.EndsWith("Microsoft.NETCore.App.deps.json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            using var stream = File.OpenRead(path);
            using var reader = new DependencyContextJsonReader();
            _apps.Add((reader.Read(stream), Path.GetDirectoryName(Path.GetFullPath(path))!));
        }
        _packageRoots = PackageRoots();
    }

    /// <summary>The native files for the assembly file <paramref name="assemblyFileName"/> (such as "Foo.dll"): file name, runtime, path on disk.</summary>
    public IReadOnlyList<(string FileName, string Rid, string Path)> For(string assemblyFileName)
    {
        var found = new List<(string, string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (context, directory) in _apps)
        {
            var owner = context.RuntimeLibraries.FirstOrDefault(l => l.RuntimeAssemblyGroups.Any(g => g.AssetPaths.Any(
                a => string.Equals(Path.GetFileName(a), assemblyFileName, StringComparison.OrdinalIgnoreCase))));
            if (owner is null)
            {
                continue;
            }
            foreach (var library in WithNativeOnlyDependencies(context, owner))
            {
                foreach (var group in library.NativeLibraryGroups)
                {
                    foreach (var asset in group.AssetPaths)
                    {
                        if (Locate(directory, library, asset) is { } path && seen.Add(path))
                        {
                            found.Add((Path.GetFileName(asset), group.Runtime ?? "", path));
                        }
                    }
                }
            }
        }
        return found;
    }

    // A dependency with managed assemblies of its own is shipped as an assembly (if it is
    // referenced) and brings its own natives; one with natives only comes with its user.
    private static List<RuntimeLibrary> WithNativeOnlyDependencies(DependencyContext context, RuntimeLibrary owner)
    {
        var byName = context.RuntimeLibraries.ToDictionary(l => l.Name, StringComparer.OrdinalIgnoreCase);
        var result = new List<RuntimeLibrary> { owner };
        var queue = new Queue<RuntimeLibrary>([owner]);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { owner.Name };
        while (queue.Count > 0)
        {
            foreach (var dependency in queue.Dequeue().Dependencies)
            {
                if (seen.Add(dependency.Name) && byName.TryGetValue(dependency.Name, out var library)
                    && library.RuntimeAssemblyGroups.All(g => g.AssetPaths.Count == 0))
                {
                    result.Add(library);
                    queue.Enqueue(library);
                }
            }
        }
        return result;
    }

    // A build output keeps the package's runtimes/<rid>/native/ layout, a RID-specific publish
    // puts the file beside the app, and an app run from the package cache finds it there.
    private string? Locate(string appDirectory, RuntimeLibrary library, string asset)
    {
        var candidates = new List<string> { Path.Combine(appDirectory, asset), Path.Combine(appDirectory, Path.GetFileName(asset)) };
        if (library.Path is { Length: > 0 } packagePath)
        {
            candidates.AddRange(_packageRoots.Select(root => Path.Combine(root, packagePath, asset)));
        }
        return candidates.FirstOrDefault(File.Exists);
    }

    private static string[] PackageRoots()
    {
        var roots = new List<string>();
        roots.AddRange((AppContext.GetData("PROBING_DIRECTORIES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages)
        {
            roots.Add(packages);
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0)
        {
            roots.Add(Path.Combine(home, ".nuget", "packages"));
        }
        return [.. roots];
    }
}
