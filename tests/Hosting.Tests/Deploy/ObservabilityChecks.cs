using System.Text.RegularExpressions;

namespace ActorMap.Hosting.Tests.Deploy;

/// <summary>
/// docker-compose.yml's `observability` profile: an OpenTelemetry Collector the nodes send OTLP to,
/// and Prometheus scraping it, both off for a plain `up`, which must neither start them nor leave
/// the nodes dialling a collector that is not there.
/// </summary>
internal static partial class ObservabilityChecks
{
    public const string Profile = "observability";
    public const string Collector = "otel-collector";
    public const string Prometheus = "prometheus";
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IEnumerable<string> All(ComposeFile compose) =>
        Services(compose).Concat(NodeEndpoints(compose)).Concat(CollectorConfig(compose)).Concat(PrometheusConfig(compose));

    public static IEnumerable<string> Services(ComposeFile compose)
    {
        foreach (var name in new[] { Collector, Prometheus })
        {
            var service = compose.Service(name);
            if (service is null)
            {
                yield return $"{name}: missing; the {Profile} profile runs it";
                continue;
            }
            if (!Yaml.List(service, "profiles").Contains(Profile))
            {
                yield return $"{name}: must be under the '{Profile}' profile, so a plain `up` does not start it";
            }
            var image = Yaml.Scalar(service, "image") ?? "";
            if (!PinnedImage().IsMatch(image))
            {
                yield return $"{name}: image '{image}' is not pinned to a version tag (nor a digest)";
            }
        }
        foreach (var node in new[] { ComposeChecks.Seed, ComposeChecks.Worker })
        {
            var dependsOn = Yaml.At(compose.Service(node), "depends_on");
            var names = dependsOn is IList<object?> list ? list.Select(d => d as string) : Yaml.Map(dependsOn).Keys.Select(k => k as string);
            if (names.Contains(Collector))
            {
                yield return $"{node}: depends on {Collector}, so a plain `up` (without the {Profile} profile) cannot start it";
            }
        }
    }

    /// <summary>The nodes' endpoint is an interpolation that is empty by default, and the variable's documented value is the collector's OTLP/gRPC port.</summary>
    public static IEnumerable<string> NodeEndpoints(ComposeFile compose)
    {
        var port = Yaml.Scalar(CollectorYaml(compose), "receivers", "otlp", "protocols", "grpc", "endpoint")?.Split(':')[^1];
        foreach (var node in new[] { ComposeChecks.Seed, ComposeChecks.Worker })
        {
            var value = ComposeFile.Environment(compose.Service(node)).GetValueOrDefault(EndpointVariable);
            var interpolation = value is null ? null : EmptyByDefault().Match(value);
            if (interpolation is not { Success: true })
            {
                yield return $"{node}: {EndpointVariable} must be ${{VARIABLE:-}}, empty unless the {Profile} profile's variable is set, got '{value}'";
                continue;
            }
            var documented = $"{interpolation.Groups[1].Value}=http://{Collector}:{port}";
            if (!compose.Text.Contains(documented, StringComparison.Ordinal))
            {
                yield return $"{node}: the file does not say to set {documented} (the collector's OTLP/gRPC receiver) with the {Profile} profile";
            }
        }
    }

    public static IEnumerable<string> CollectorConfig(ComposeFile compose) =>
        CollectorYaml(compose) is { } config
            ? CollectorConfig(config)
            : [$"{Collector}: no config file from a compose config at /etc/otelcol/config.yaml"];

    public static IEnumerable<string> CollectorConfig(object config)
    {
        if (Yaml.At(config, "receivers", "otlp", "protocols", "grpc") is null)
        {
            yield return $"{Collector}: its config has no otlp receiver with the grpc protocol the nodes' exporter uses";
        }
        var metrics = Yaml.At(config, "service", "pipelines", "metrics");
        if (!Yaml.List(metrics, "receivers").Contains("otlp") || !Yaml.List(metrics, "exporters").Contains("prometheus"))
        {
            yield return $"{Collector}: its metrics pipeline must take otlp and give prometheus (for Prometheus to scrape)";
        }
        if (!Yaml.List(Yaml.At(config, "service", "pipelines", "traces"), "receivers").Contains("otlp"))
        {
            yield return $"{Collector}: its traces pipeline must take otlp";
        }
    }

    public static IEnumerable<string> PrometheusConfig(ComposeFile compose)
    {
        var config = ConfigFile(compose, Prometheus, "/etc/prometheus/prometheus.yml");
        var exporterPort = Yaml.Scalar(CollectorYaml(compose), "exporters", "prometheus", "endpoint")?.Split(':')[^1];
        var targets = Yaml.List(config, "scrape_configs")
            .SelectMany(job => Yaml.List(job, "static_configs"))
            .SelectMany(c => Yaml.List(c, "targets")).OfType<string>();
        if (!targets.Contains($"{Collector}:{exporterPort}"))
        {
            yield return $"{Prometheus}: must scrape {Collector}:{exporterPort} (the collector's prometheus exporter), scrapes [{string.Join(", ", targets)}]";
        }
    }

    private static object? CollectorYaml(ComposeFile compose) => ConfigFile(compose, Collector, "/etc/otelcol/config.yaml");

    /// <summary>The YAML of the compose config a service mounts at <paramref name="target"/>, or null.</summary>
    private static object? ConfigFile(ComposeFile compose, string service, string target)
    {
        var source = Yaml.List(compose.Service(service), "configs")
            .Where(c => Yaml.Scalar(c, "target") == target).Select(c => Yaml.Scalar(c, "source")).FirstOrDefault();
        var file = source is null ? null : Yaml.Scalar(compose.Root, "configs", source, "file");
        return file is null || !File.Exists(RepositoryFiles.PathOf(file.TrimStart('.', '/')))
            ? null
            : Yaml.LoadAll(RepositoryFiles.Read(file.TrimStart('.', '/'))).Single();
    }

    // name:tag with a tag that is a version (not latest), or name@sha256:digest.
    [GeneratedRegex(@"^[\w./-]+(:(?!latest$)v?\d[\w.-]*|@sha256:[0-9a-f]{64})$")]
    private static partial Regex PinnedImage();

    [GeneratedRegex(@"^\$\{(\w+):-\}$")]
    private static partial Regex EmptyByDefault();
}
