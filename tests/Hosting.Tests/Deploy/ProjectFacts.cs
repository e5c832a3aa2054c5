using System.Text.RegularExpressions;
using ActorMap.Hocon;

namespace ActorMap.Hosting.Tests.Deploy;

/// <summary>
/// What the project itself says, which the deployment files must agree with: the ACTORMAP_...
/// variables it reads, its ports, how long a node may take to leave, and the programs the image holds.
/// </summary>
internal sealed partial record ProjectFacts
{
    /// <summary>
    /// Variables read in code rather than through a <c>${?ACTORMAP_...}</c> line, each with the file
    /// that reads it; <see cref="CodeVariablesMissingFromTheirFile"/> keeps the list from rotting.
    /// </summary>
    public static readonly IReadOnlyList<(string Variable, string File)> ReadInCode =
    [
        ("ACTORMAP_CACHE_DIR", "src/Functions/LambdaCache.cs"),
        ("ACTORMAP_LOADED_LAMBDAS", "src/Functions/LoadedFunctions.cs"),
        ("ACTORMAP_TLS_DIR", "src/Hosting/Client/ClusterCredentials.cs"),
        ("ACTORMAP_TOKEN_FILE", "src/Hosting/Client/ClusterCredentials.cs"),
        ("ACTORMAP_DIAGNOSTICS", "src/Client/Commands/MapRunner.cs"),
    ];

    /// <summary>
    /// Beyond abandon-user-code-after, what a graceful leave may take: Akka's cluster-leave (5 s) and
    /// cluster-exiting (10 s) coordinated-shutdown phases, and a few seconds for the process to exit.
    /// </summary>
    public static readonly TimeSpan LeaveMargin = TimeSpan.FromSeconds(20);

    private static readonly Lazy<ProjectFacts> s_instance = new(() => new ProjectFacts());

    private ProjectFacts()
    {
        var configFiles = new[] { "cluster.hocon" }
            .Concat(Directory.GetFiles(RepositoryFiles.PathOf("src"), "reference.conf", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(RepositoryFiles.Root, f).Replace(Path.DirectorySeparatorChar, '/')))
            .ToList();
        Variables = configFiles
            .SelectMany(f => VariablesIn(RepositoryFiles.Read(f)))
            .Concat(ReadInCode.Select(v => v.Variable))
            .ToHashSet(StringComparer.Ordinal);

        var cluster = HoconConfig.Load(RepositoryFiles.PathOf("cluster.hocon"), HoconOptions.WithoutEnvironment);
        ClusterPort = cluster.GetInt("akka.remote.dot-netty.tcp.port");
        ApiPort = cluster.GetInt("actormap.api.port");
        var reference = HoconConfig.Load(RepositoryFiles.PathOf("src/Hosting/reference.conf"), HoconOptions.WithoutEnvironment);
        AbandonUserCodeAfter = reference.GetTimeSpan("actormap.shutdown.abandon-user-code-after");
        Programs = PublishedPrograms(RepositoryFiles.Read("Dockerfile"));
    }

    public static ProjectFacts Instance => s_instance.Value;

    /// <summary>Every ACTORMAP_... variable a node or the console reads.</summary>
    public IReadOnlySet<string> Variables { get; init; }

    public int ClusterPort { get; init; }

    public int ApiPort { get; init; }

    public TimeSpan AbandonUserCodeAfter { get; init; }

    /// <summary>The least stop grace period that covers a graceful leave.</summary>
    public TimeSpan LeaveTakesAtMost => AbandonUserCodeAfter + LeaveMargin;

    /// <summary>The dlls the image holds, relative to its WORKDIR /app, by project: "Seed" -> "seed/actormap-seed.dll".</summary>
    public IReadOnlyDictionary<string, string> Programs { get; init; }

    public string SeedDll => Programs["Seed"];

    public string WorkerDll => Programs["WorkerNode"];

    public string ClientDll => Programs["Client"];

    /// <summary>The variables a HOCON text's <c>${?ACTORMAP_...}</c> override lines read.</summary>
    public static IEnumerable<string> VariablesIn(string hocon) => EnvironmentLine().Matches(hocon).Select(m => m.Groups[1].Value);

    /// <summary>Entries of <see cref="ReadInCode"/> whose file does not read their variable.</summary>
    public static IEnumerable<string> CodeVariablesMissingFromTheirFile() =>
        ReadInCode
            .Where(v => !File.Exists(RepositoryFiles.PathOf(v.File)) || !RepositoryFiles.Read(v.File).Contains($"\"{v.Variable}\"", StringComparison.Ordinal))
            .Select(v => $"{v.Variable} is not read in {v.File}");

    /// <summary>Each <c>dotnet publish src/X/X.csproj ... -o /app/DIR</c>: X -> DIR/AssemblyName.dll.</summary>
    public static IReadOnlyDictionary<string, string> PublishedPrograms(string dockerfile) =>
        PublishStep().Matches(dockerfile).ToDictionary(
            m => Path.GetFileNameWithoutExtension(m.Groups["project"].Value),
            m => $"{m.Groups["dir"].Value}/{AssemblyName(m.Groups["project"].Value)}.dll",
            StringComparer.Ordinal);

    private static string AssemblyName(string project)
    {
        var match = AssemblyNameElement().Match(RepositoryFiles.Read(project));
        return match.Success ? match.Groups[1].Value : Path.GetFileNameWithoutExtension(project);
    }

    // A setting's override line, not a comment that mentions one.
    [GeneratedRegex(@"^\s*[A-Za-z0-9_.""-]+\s*[=:]?\s*\$\{\?(ACTORMAP_[A-Z0-9_]+)\}", RegexOptions.Multiline)]
    private static partial Regex EnvironmentLine();

    [GeneratedRegex(@"dotnet publish\s+(?<project>\S+\.csproj)[^\n]*?\s-o\s+/app/(?<dir>[\w-]+)")]
    private static partial Regex PublishStep();

    [GeneratedRegex(@"<AssemblyName>([^<]+)</AssemblyName>")]
    private static partial Regex AssemblyNameElement();
}
