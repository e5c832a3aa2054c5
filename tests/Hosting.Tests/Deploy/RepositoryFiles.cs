namespace ActorMap.Hosting.Tests.Deploy;

/// <summary>Files of the repository these specs check, found from the directory holding ActorMap.sln.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    /// <summary>The full path of <paramref name="relative"/>, a path with '/' from the root.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ActorMap.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException("ActorMap.sln not found above " + AppContext.BaseDirectory);
    }
}
