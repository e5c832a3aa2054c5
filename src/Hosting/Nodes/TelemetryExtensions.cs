using Akka.Actor;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ActorMap.Hosting.Nodes;

/// <summary>
/// A node's OpenTelemetry pipeline: the "ActorMap" meter and activity source, described as this
/// node, and sent over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT says where. Without it no exporter
/// exists, so no thread dials a collector that is not there and nothing logs export errors.
/// </summary>
internal static class TelemetryExtensions
{
    /// <summary>The name of the Meter and the ActivitySource the libraries report on.</summary>
    public const string InstrumentationName = "ActorMap";

    /// <summary>The standard variable; the exporter reads it (and OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_METRIC_EXPORT_INTERVAL...) itself.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddActorMapTelemetry(this IServiceCollection services, NodeSettings settings, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        var export = !string.IsNullOrWhiteSpace((environment ?? Environment.GetEnvironmentVariable)(EndpointVariable));
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(ServiceName(settings.Role), serviceNamespace: settings.ClusterName, autoGenerateServiceInstanceId: false)
                // The address is known once the actor system has bound its port (0 picks one):
                // read when the providers are built, which is when the host starts.
                .AddDetector(provider => new NodeAddressDetector(provider.GetService<ActorSystem>())))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(InstrumentationName);
                if (export)
                {
                    metrics.AddOtlpExporter();
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(InstrumentationName);
                if (export)
                {
                    tracing.AddOtlpExporter();
                }
            });
        return services;
    }

    public static string ServiceName(NodeRole role) => role == NodeRole.Seed ? "actormap-seed" : "actormap-worker";

    /// <summary>service.instance.id: the node's Akka address, the name status and the logs give it.</summary>
    private sealed class NodeAddressDetector(ActorSystem? system) : IResourceDetector
    {
        public Resource Detect() => system is ExtendedActorSystem extended
            ? new Resource([new KeyValuePair<string, object>("service.instance.id", extended.Provider.DefaultAddress.ToString())])
            : Resource.Empty;
    }
}
