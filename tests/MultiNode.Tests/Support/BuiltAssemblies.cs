using System.Reflection;

namespace ActorMap.MultiNode.Tests.Support;

/// <summary>
/// Where the node and console dlls were built: under the directory holding ActorMap.sln, in the
/// configuration this test assembly was built in (the project references build them first).
/// </summary>
public static class BuiltAssemblies
{
    private static readonly Lazy<string> s_repositoryRoot = new(FindRepositoryRoot);

    public static string RepositoryRoot => s_repositoryRoot.Value;

    /// <summary>Debug or Release: whatever built this assembly, so a Release test run runs Release nodes.</summary>
    public static string Configuration { get; } =
        typeof(BuiltAssemblies).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration
            ? configuration
            : "Debug";

    public static string Seed => Locate("Seed", "actormap-seed.dll");

    public static string Worker => Locate("WorkerNode", "actormap-worker.dll");

    public static string Console => Locate("Client", "actormap.dll");

    /// <summary>samples/HarmonicApp: a user's program, run as <c>dotnet HarmonicApp.dll</c>.</summary>
    public static string HarmonicApp => Locate("HarmonicApp", "HarmonicApp.dll", "samples");

    /// <summary>samples/Harmonic's bin folder holds Fractions.dll beside it, as the console's --assembly wants.</summary>
    public static string HarmonicLibrary => Locate("Harmonic", "Harmonic.dll", "samples");

    /// <summary>tests/GatedJob: a compiled function holding a job open until the <see cref="JobGate"/> opens.</summary>
    public static string GatedJob => Locate("GatedJob", "GatedJob.dll", "tests");

    private static string Locate(string project, string dll, string folder = "src")
    {
        var path = Path.Combine(RepositoryRoot, folder, project, "bin", Configuration, "net10.0", dll);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{path} is missing: build {folder}/{project} in {Configuration} first " +
                $"(dotnet build ActorMap.sln -c {Configuration}, or dotnet test, which builds it through the project reference)",
                path);
        }
        return path;
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ActorMap.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("ActorMap.sln not found in any directory above " + AppContext.BaseDirectory);
    }
}
