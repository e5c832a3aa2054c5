using System.Text.Json;
using System.Text.RegularExpressions;

namespace ActorMap.Hosting.Tests.Deploy;

/// <summary>The Dockerfile against what the deployment needs: multi-stage, non-root, exec-form entrypoint, the programs.</summary>
internal static partial class DockerfileChecks
{
    public const string Sdk = "mcr.microsoft.com/dotnet/sdk:10.0";
    public const string Runtime = "mcr.microsoft.com/dotnet/aspnet:10.0";

    public static IEnumerable<string> All(string dockerfile, ProjectFacts facts)
    {
        var instructions = Instructions(dockerfile);
        var froms = instructions.Where(i => i.Keyword == "FROM").Select(i => i.Arguments.Split(' ')[0]).ToList();
        if (froms.Count < 2 || froms[0] != Sdk || froms[^1] != Runtime)
        {
            yield return $"Dockerfile: must build on {Sdk} and run on {Runtime} (multi-stage), has FROM [{string.Join(", ", froms)}]";
        }
        var last = instructions.FindLastIndex(i => i.Keyword == "FROM");
        var runtime = instructions.Skip(Math.Max(0, last)).ToList();
        var users = runtime.Where(i => i.Keyword == "USER").Select(i => i.Arguments).ToList();
        if (users.Count == 0 || users[^1] is "root" or "0" || users[^1].StartsWith("0:", StringComparison.Ordinal))
        {
            yield return $"Dockerfile: the runtime stage must switch to a non-root USER (the image's $APP_UID), has [{string.Join(", ", users)}]";
        }
        var entrypoint = runtime.Where(i => i.Keyword == "ENTRYPOINT").Select(i => i.Arguments).LastOrDefault();
        if (entrypoint is null || !IsJsonArray(entrypoint))
        {
            yield return $"Dockerfile: ENTRYPOINT must be in exec form (a JSON array), so SIGTERM reaches the node as PID 1; got '{entrypoint}'";
        }
        var environment = runtime.Where(i => i.Keyword == "ENV").SelectMany(i => EnvName().Matches(i.Arguments)).Select(m => m.Groups[1].Value).ToList();
        foreach (var name in environment.Where(n => n.StartsWith("ACTORMAP_", StringComparison.Ordinal) && !facts.Variables.Contains(n)))
        {
            yield return $"Dockerfile: sets {name}, which neither cluster.hocon, a reference.conf nor the code reads";
        }
        if (!environment.Contains("ACTORMAP_HEALTH_PORT"))
        {
            yield return "Dockerfile: must set ACTORMAP_HEALTH_PORT, which the health command asks";
        }
        var programs = ProjectFacts.PublishedPrograms(dockerfile);
        foreach (var project in new[] { "Seed", "WorkerNode", "Client" }.Where(p => !programs.ContainsKey(p)))
        {
            yield return $"Dockerfile: does not publish src/{project}";
        }
        if (!runtime.Any(i => i.Keyword == "WORKDIR" && i.Arguments == "/app") || !runtime.Any(i => i.Keyword == "COPY" && i.Arguments == "--from=build /app ./"))
        {
            yield return "Dockerfile: the runtime stage must hold the published programs under WORKDIR /app, where the commands name them";
        }
        var restore = instructions.FindIndex(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore", StringComparison.Ordinal));
        var sources = instructions.FindIndex(i => i.Keyword == "COPY" && i.Arguments.StartsWith("src/ ", StringComparison.Ordinal));
        if (restore < 0 || sources < restore)
        {
            yield return "Dockerfile: restore from the project files before copying src/, so a source change reuses the restored layer";
        }
        foreach (var copy in instructions.Where(i => i.Keyword is "COPY" or "ADD" && SecretPath().IsMatch(i.Arguments)))
        {
            yield return $"Dockerfile: {copy.Keyword} {copy.Arguments} puts TLS material in an image layer";
        }
        foreach (var problem in SecretChecks.InText("Dockerfile", dockerfile))
        {
            yield return problem;
        }
    }

    public static IEnumerable<string> Ignored(string dockerignore) =>
        new[] { "tls/", "**/bin/", "**/obj/", ".git/" }.Where(e => !dockerignore.Split('\n').Select(l => l.Trim()).Contains(e))
            .Select(e => $".dockerignore: must exclude {e}");

    /// <summary>The instructions, comments dropped and continuation lines joined.</summary>
    public static List<(string Keyword, string Arguments)> Instructions(string dockerfile) =>
        [.. Continuation().Replace(string.Join('\n', dockerfile.Split('\n').Where(l => !l.TrimStart().StartsWith('#'))), " ")
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .Select(l => (Keyword: l.Split(' ', 2)[0].ToUpperInvariant(), Arguments: l.Split(' ', 2) is [_, var rest] ? rest.Trim() : ""))];

    private static bool IsJsonArray(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(text) is { Length: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\\\s*\n")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=")]
    private static partial Regex EnvName();

    [GeneratedRegex(@"(^|\s|/)tls(/|\s|$)|\.pfx|\.key\b|\.pem\b")]
    private static partial Regex SecretPath();
}
