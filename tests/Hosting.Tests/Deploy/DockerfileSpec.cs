namespace ActorMap.Hosting.Tests.Deploy;

/// <summary>The Dockerfile and .dockerignore, checked statically (there is no Docker engine here).</summary>
public sealed class DockerfileSpec
{
    private static readonly string s_text = RepositoryFiles.Read("Dockerfile");

    [Fact]
    public void Is_multi_stage_non_root_with_an_exec_form_entrypoint() => NoProblems.In(DockerfileChecks.All(s_text, ProjectFacts.Instance));

    [Fact]
    public void Keeps_certificates_build_output_and_git_out_of_the_build_context() =>
        NoProblems.In(DockerfileChecks.Ignored(RepositoryFiles.Read(".dockerignore")));

    public static TheoryData<string, string, string> Breakages => new()
    {
        { "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS build", "multi-stage" },
        { "USER $APP_UID", "USER root", "non-root USER" },
        { "USER $APP_UID", "", "non-root USER" },
        { "ENTRYPOINT [\"dotnet\"]", "ENTRYPOINT dotnet", "exec form" },
        { "ACTORMAP_HEALTH_PORT=4055", "ACTORMAP_HEALTHPORT=4055", "must set ACTORMAP_HEALTH_PORT" },
        { "ACTORMAP_HEALTH_PORT=4055", "ACTORMAP_HEALTHPORT=4055", "sets ACTORMAP_HEALTHPORT" },
        { "COPY --from=build /app ./", "COPY --from=build /app /opt/", "WORKDIR /app" },
        { "COPY src/Hocon/Hocon.csproj", "COPY src/ src/\nCOPY src/Hocon/Hocon.csproj", "restore from the project files" },
        { "COPY cluster.hocon ./", "COPY cluster.hocon ./\nCOPY tls/ /run/secrets/actormap-tls/", "image layer" },
        { "dotnet publish src/Client/Client.csproj", "dotnet build src/Client/Client.csproj", "does not publish src/Client" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_Dockerfile_fails_its_check(string original, string broken, string expected)
    {
        Assert.Contains(original, s_text, StringComparison.Ordinal);

        var problems = DockerfileChecks.All(s_text.Replace(original, broken, StringComparison.Ordinal), ProjectFacts.Instance).ToList();

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_dockerignore_that_lets_tls_in_fails() =>
        Assert.Contains(DockerfileChecks.Ignored(RepositoryFiles.Read(".dockerignore").Replace("tls/\n", "", StringComparison.Ordinal)),
            p => p.Contains("tls/", StringComparison.Ordinal));
}
