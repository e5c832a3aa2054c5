namespace ActorMap.Api.Tests.Support;

internal static class RepositoryRoot
{
    /// <summary>The directory holding ActorMap.sln, found by walking up from the test assembly.</summary>
    public static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ActorMap.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("ActorMap.sln not found above " + AppContext.BaseDirectory);
    }
}
