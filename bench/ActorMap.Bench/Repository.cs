namespace ActorMap.Bench;

/// <summary>Where the repository is: the directory above the bench's binaries that holds ActorMap.sln.</summary>
internal static class Repository
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    /// <summary>A Release build's output of src/<paramref name="project"/>, or an error saying how to build it.</summary>
    public static string ReleaseDll(string project, string assembly)
    {
        var dll = Path.Combine(Root, "src", project, "bin", "Release", "net10.0", assembly + ".dll");
        return File.Exists(dll) ? dll
            : throw new FileNotFoundException($"{dll} is missing: build it first (dotnet build -c Release src/{project})", dll);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorMap.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("run the bench from inside the repository");
    }
}
