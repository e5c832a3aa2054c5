namespace ActorMap.Hocon.Tests.Support;

/// <summary>
/// Finds Lightbend's conformance resources in ../shared/hocon-conformance beside the repo
/// (the repo root is the first directory above the test binaries holding ActorMap.sln).
/// The files are read in place and never copied into the project.
/// </summary>
internal static class ConformanceData
{
    public const string MissingMarker = "<conformance data missing>";

    private static readonly Lazy<string?> s_resources = new(Locate);

    public static string? Resources => s_resources.Value;

    public static string SkipReason =>
        "HOCON conformance data not found: expected ../shared/hocon-conformance/resources next to the directory holding ActorMap.sln";

    public static string File(string relative) =>
        Path.Combine(Resources ?? throw new InvalidOperationException(SkipReason), relative);

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "ActorMap.sln")))
            {
                var resources = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "hocon-conformance", "resources"));
                return Directory.Exists(resources) ? resources : null;
            }
        }

        return null;
    }
}
