using System.Diagnostics;
using System.Diagnostics.Metrics;
using ActorMap.Hosting.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;

namespace ActorMap.Hosting.Tests.Nodes.Telemetry;

/// <summary>
/// A node's OpenTelemetry: off the wire unless OTEL_EXPORTER_OTLP_ENDPOINT is set, and then the
/// "ActorMap" meter and activity source reach an OTLP receiver, described as the node that sent them.
/// (Hosting.Tests run one at a time, so setting the process's variables here races no other spec.)
/// </summary>
public sealed class TelemetryExtensionsSpec
{
    private static readonly TimeSpan s_exportWait = TimeSpan.FromSeconds(30);

    private static NodeSettings SeedSettings() => NodeSettings.From(NodeConfig.Load(null, new Dictionary<string, string>
    {
        ["akka.remote.dot-netty.tcp.hostname"] = "\"127.0.0.1\"",
        ["akka.remote.dot-netty.tcp.port"] = "0",
        ["actormap.api.hostname"] = "\"127.0.0.1\"",
        ["actormap.api.port"] = "0",
        ["actormap.compute.workers"] = "1",
        ["akka.loglevel"] = "WARNING",
    }, lookForDefaultFile: false), NodeRole.Seed);

    private static async Task<OtlpItems> Arrived(Task<OtlpItems> export, string what)
    {
        try
        {
            return await export.WaitAsync(s_exportWait);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"no {what} reached the OTLP receiver within {s_exportWait.TotalSeconds:0} s");
            throw;
        }
    }

    private static bool HasOtlpExporter(Func<string, string?> environment) =>
        new ServiceCollection().AddActorMapTelemetry(SeedSettings(), environment)
            .Any(d => d.ServiceType == typeof(IOptionsFactory<OtlpExporterOptions>));

    [Fact]
    public void AddActorMapTelemetry_EndpointUnset_RegistersNoOtlpExporter()
    {
        Assert.False(HasOtlpExporter(_ => null));
        Assert.False(HasOtlpExporter(_ => " "));
        Assert.True(HasOtlpExporter(name => name == TelemetryExtensions.EndpointVariable ? "http://127.0.0.1:4318" : null));
    }

    [Fact]
    public async Task Seed_EndpointSet_ExportsTheActorMapMeterAndSourceToIt()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var variables = new Dictionary<string, string>
        {
            [TelemetryExtensions.EndpointVariable] = receiver.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Milliseconds: export at once rather than after the default 60 s and 5 s.
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        };
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
        try
        {
            await using var seed = await NodeHost.StartAsync(SeedSettings(), logging => logging.ClearProviders());
            var address = Akka.Cluster.Cluster.Get(seed.System).SelfAddress.ToString();
            var metric = receiver.WaitForAsync("metrics", items => items.Scope == TelemetryExtensions.InstrumentationName && items.Names.Contains("actormap.spec.probe"));
            var span = receiver.WaitForAsync("traces", items => items.Scope == TelemetryExtensions.InstrumentationName && items.Names.Contains("spec probe"));

            // The libraries' own instruments are another branch's; one of each proves the pipeline.
            using var meter = new Meter(TelemetryExtensions.InstrumentationName);
            meter.CreateCounter<long>("actormap.spec.probe").Add(1);
            using var source = new ActivitySource(TelemetryExtensions.InstrumentationName);
            source.StartActivity("spec probe")?.Dispose();

            var metrics = await Arrived(metric, "a metrics export from the ActorMap meter");
            Assert.Equal("actormap-seed", metrics.Resource["service.name"]);
            Assert.Equal(address, metrics.Resource["service.instance.id"]);
            var spans = await Arrived(span, "a traces export from the ActorMap activity source");
            Assert.Equal(address, spans.Resource["service.instance.id"]);
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }
}
