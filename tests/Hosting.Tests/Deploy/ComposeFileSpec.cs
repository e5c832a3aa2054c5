namespace ActorMap.Hosting.Tests.Deploy;

/// <summary>
/// docker-compose.yml checked statically against the project (there is no Docker engine here). Each
/// check passes on the real file and fails on a file broken the way it guards against.
/// </summary>
public sealed class ComposeFileSpec
{
    private static readonly string s_text = RepositoryFiles.Read("docker-compose.yml");
    private static ProjectFacts Facts => ProjectFacts.Instance;
    private static ComposeFile Compose => new(s_text);

    [Fact]
    public void Sets_only_variables_the_project_reads() => NoProblems.In(ComposeChecks.Variables(Compose, Facts));

    [Fact]
    public void Uses_the_configured_ports() => NoProblems.In(ComposeChecks.Ports(Compose, Facts));

    [Fact]
    public void Holds_no_secret_and_gets_TLS_from_a_compose_secret() => NoProblems.In(ComposeChecks.Secrets(Compose));

    [Fact]
    public void Runs_the_published_programs_and_checks_health_with_the_node_binary() => NoProblems.In(ComposeChecks.Commands(Compose, Facts));

    [Fact]
    public void Lets_the_worker_scale() => NoProblems.In(ComposeChecks.Scaling(Compose));

    [Fact]
    public void Binds_every_interface_and_advertises_what_workers_dial() => NoProblems.In(ComposeChecks.Addresses(Compose));

    [Fact]
    public void Gives_nodes_time_for_a_graceful_leave() => NoProblems.In(ComposeChecks.Grace(Compose, Facts));

    [Fact]
    public void Restarts_downed_nodes_and_starts_workers_after_a_healthy_seed() => NoProblems.In(ComposeChecks.Restarts(Compose));

    public static TheoryData<string, string, string> Breakages => new()
    {
        { "ACTORMAP_REJOIN: \"off\"", "ACTORMAP_REJOINS: \"off\"", "sets ACTORMAP_REJOINS" },
        { "\"4080:4080\"", "\"4080:4081\"", "publishes 4081" },
        { "\"seed:4053\"]", "\"seed:4053\", \"--port\", \"0\"]", "--port 0" },
        { "\"seed:4053\"", "\"seed:4054\"", "--seed seed:4053" },
        { "seed seed:4080", "seed seed:4081", "--seed seed:4080" },
        { "      ACTORMAP_API_HOSTNAME: 0.0.0.0", "      ACTORMAP_API_HOSTNAME: 0.0.0.0\n      ACTORMAP_API_PORT: \"5000\"", "ACTORMAP_API_PORT 5000" },
        { "ACTORMAP_HOSTNAME: 0.0.0.0", "ACTORMAP_HOSTNAME: 0.0.0.0\n    API_TOKEN: s3cret", "API_TOKEN holds a secret" },
        { "name: actormap", "name: actormap\n# -----BEGIN PRIVATE KEY-----", "PEM" },
        { "  secrets: [actormap-tls]\n  restart", "  volumes: [\"./tls:/run/secrets/actormap-tls:ro\"]\n  secrets: [actormap-tls]\n  restart", "mounts a volume" },
        { "ACTORMAP_TLS_DIR: /run/secrets/actormap-tls", "ACTORMAP_TLS_DIR: /run/actormap-tls", "ACTORMAP_TLS_DIR must be" },
        { "  secrets: [actormap-tls]\n  restart", "  restart", "ACTORMAP_TLS_DIR must be" },
        { "\"worker/actormap-worker.dll\", \"--seed\"", "\"worker/ActorMap.WorkerNode.dll\", \"--seed\"", "must run worker/actormap-worker.dll" },
        { "\"seed/actormap-seed.dll\", \"health\"]", "\"seed/actormap-seed.dll\", \"status\"]", "healthcheck must be" },
        { "\"worker/actormap-worker.dll\", \"health\"]", "\"seed/actormap-seed.dll\", \"health\"]", "healthcheck must be" },
        { "  worker:\n    <<: *node", "  worker:\n    <<: *node\n    container_name: worker", "sets container_name" },
        { "  worker:\n    <<: *node", "  worker:\n    <<: *node\n    ports: [\"4053:4053\"]", "sets ports" },
        { "  worker:\n    <<: *node", "  worker:\n    <<: *node\n    hostname: worker", "sets hostname" },
        { "ACTORMAP_PUBLIC_HOSTNAME: seed", "ACTORMAP_PUBLIC_HOSTNAME: actormap-seed", "must advertise 'seed'" },
        { "    ACTORMAP_HOSTNAME: 0.0.0.0", "    ACTORMAP_HOSTNAME: 127.0.0.1", "must bind 0.0.0.0" },
        { "  stop_grace_period: 45s", "  stop_grace_period: 30s", "stop_grace_period 30s" },
        { "  stop_grace_period: 45s", "", "Docker's 10 s" },
        { "  restart: unless-stopped", "  restart: \"no\"", "restart must be" },
        { "ACTORMAP_REJOIN: \"off\"", "ACTORMAP_REJOIN: \"on\"", "ACTORMAP_REJOIN must be" },
        { "condition: service_healthy", "condition: service_started", "condition service_healthy" },
        { "profiles: [client]", "profiles: [tools]", "'client' profile" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_compose_file_fails_its_check(string original, string broken, string expected)
    {
        Assert.Contains(original, s_text, StringComparison.Ordinal);

        var problems = ComposeChecks.All(new ComposeFile(s_text.Replace(original, broken, StringComparison.Ordinal)), Facts).ToList();

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_command_that_is_not_the_Dockerfile_publish_output_fails()
    {
        var dockerfile = RepositoryFiles.Read("Dockerfile");
        var moved = Facts with { Programs = ProjectFacts.PublishedPrograms(dockerfile.Replace("-o /app/worker", "-o /app/workers", StringComparison.Ordinal)) };

        Assert.Contains(ComposeChecks.Commands(Compose, moved), p => p.Contains("must run workers/actormap-worker.dll", StringComparison.Ordinal));
    }

    [Fact]
    public void A_grace_period_shorter_than_the_configured_leave_fails()
    {
        var slower = Facts with { AbandonUserCodeAfter = TimeSpan.FromSeconds(40) };

        Assert.NotEmpty(ComposeChecks.Grace(Compose, slower));
    }
}
