namespace ActorMap.Hosting.Tests.Deploy;

/// <summary>
/// docker-compose.yml's `observability` profile and its config files under deploy/observability,
/// checked statically: each check passes on the real files and fails on a file broken its way.
/// </summary>
public sealed class ComposeObservabilitySpec
{
    private static readonly string s_text = RepositoryFiles.Read("docker-compose.yml");
    private static ComposeFile Compose => new(s_text);

    [Fact]
    public void Runs_a_collector_and_Prometheus_under_the_profile_with_pinned_images() => NoProblems.In(ObservabilityChecks.Services(Compose));

    [Fact]
    public void Points_the_nodes_at_the_collector_only_when_asked() => NoProblems.In(ObservabilityChecks.NodeEndpoints(Compose));

    [Fact]
    public void Gives_the_collector_a_config_that_parses_and_receives_OTLP() => NoProblems.In(ObservabilityChecks.CollectorConfig(Compose));

    [Fact]
    public void Has_Prometheus_scrape_the_collector() => NoProblems.In(ObservabilityChecks.PrometheusConfig(Compose));

    [Fact]
    public void The_collector_config_is_YAML_with_an_otlp_receiver()
    {
        var config = Yaml.LoadAll(RepositoryFiles.Read("deploy/observability/otel-collector.yaml")).Single();

        Assert.NotNull(Yaml.At(config, "receivers", "otlp"));
    }

    public static TheoryData<string, string, string> Breakages => new()
    {
        { "    profiles: [observability]\n    # The image's", "    # The image's", "otel-collector: must be under the 'observability' profile" },
        { "otel/opentelemetry-collector:0.159.0", "otel/opentelemetry-collector:latest", "is not pinned" },
        { "prom/prometheus:v3.5.0", "prom/prometheus", "is not pinned" },
        { "${OTLP_ENDPOINT:-}", "http://otel-collector:4317", "must be ${VARIABLE:-}" },
        { "${OTLP_ENDPOINT:-}", "${OTEL_ENDPOINT:-}", "does not say to set OTEL_ENDPOINT=http://otel-collector:4317" },
        { "    depends_on:\n      seed:", "    depends_on:\n      otel-collector:\n        condition: service_started\n      seed:", "worker: depends on otel-collector" },
        { "file: ./deploy/observability/otel-collector.yaml", "file: ./deploy/observability/missing.yaml", "no config file" },
        { "target: /etc/prometheus/prometheus.yml", "target: /etc/prometheus.yml", "must scrape otel-collector:8889" },
        { "  prometheus:\n    image", "  prometheus-server:\n    image", "prometheus: missing" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_profile_fails_its_check(string original, string broken, string expected)
    {
        Assert.Contains(original, s_text, StringComparison.Ordinal);

        var problems = ComposeChecks.All(new ComposeFile(s_text.Replace(original, broken, StringComparison.Ordinal)), ProjectFacts.Instance).ToList();

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_collector_config_without_the_otlp_receiver_fails()
    {
        var text = RepositoryFiles.Read("deploy/observability/otel-collector.yaml").Replace("  otlp:\n    protocols:", "  zipkin:\n    protocols:", StringComparison.Ordinal);

        var problems = ObservabilityChecks.CollectorConfig(Yaml.LoadAll(text).Single()!);

        Assert.Contains(problems, p => p.Contains("no otlp receiver", StringComparison.Ordinal));
    }
}
