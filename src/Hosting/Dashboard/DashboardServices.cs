using ActorMap.Hosting.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace ActorMap.Hosting.Dashboard;

/// <summary>What the dashboard's routes need on the Seed.</summary>
internal static class DashboardServices
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, bool tls, byte[]? token)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new DashboardAuthentication(tls, token,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(ApiLog.Category)));
        services.AddSingleton<DashboardOverview>();
        // The meters are registered with the OpenTelemetry SDK in TelemetryExtensions; this adds
        // only the exporter /metrics reads. AddOpenTelemetry().WithMetrics may be called more than
        // once: it keeps one meter provider, so the two compose whichever runs first.
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddPrometheusExporter());
        return services;
    }
}
