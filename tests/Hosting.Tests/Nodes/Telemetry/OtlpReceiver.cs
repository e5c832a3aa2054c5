using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorMap.Hosting.Tests.Nodes.Telemetry;

/// <summary>
/// A collector's OTLP/HTTP receiver, in process on 127.0.0.1: it takes metrics and traces as the
/// exporter posts them (protobuf) and completes a wait once an export holds what a spec looks for.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Signal, OtlpItems Items)> _received = new();
    private readonly List<(string Signal, Func<OtlpItems, bool> Match, TaskCompletionSource<OtlpItems> Found)> _waits = [];

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>The base URL, as OTEL_EXPORTER_OTLP_ENDPOINT takes it; the exporter adds /v1/metrics and /v1/traces.</summary>
    public string Endpoint { get; private set; } = "";

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1AndHttp2));
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/metrics", context => receiver.TakeAsync(context, "metrics", OtlpExport.MetricName));
        app.MapPost("/v1/traces", context => receiver.TakeAsync(context, "traces", OtlpExport.SpanName));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Endpoint = $"http://127.0.0.1:{new Uri(address).Port}";
        return receiver;
    }

    /// <summary>Completes with the first export of <paramref name="signal"/> (metrics or traces), received before or after, that matches.</summary>
    public Task<OtlpItems> WaitForAsync(string signal, Func<OtlpItems, bool> match)
    {
        var found = new TaskCompletionSource<OtlpItems>(TaskCreationOptions.RunContinuationsAsynchronously);
        OtlpItems? already;
        lock (_waits)
        {
            _waits.Add((signal, match, found));
            already = _received.Where(r => r.Signal == signal && match(r.Items)).Select(r => r.Items).FirstOrDefault();
        }
        if (already is not null)
        {
            found.TrySetResult(already);
        }
        return found.Task;
    }

    private async Task TakeAsync(HttpContext context, string signal, int itemNameField)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var exports = OtlpExport.Read(body.ToArray(), itemNameField);
        var matched = new List<(TaskCompletionSource<OtlpItems> Found, OtlpItems Items)>();
        lock (_waits)
        {
            foreach (var items in exports)
            {
                _received.Enqueue((signal, items));
                matched.AddRange(_waits.Where(w => w.Signal == signal && w.Match(items)).Select(w => (w.Found, items)));
            }
        }
        // Completed outside the lock: a wait registered meanwhile must not find it held.
        foreach (var (found, items) in matched)
        {
            found.TrySetResult(items);
        }
        // An empty Export*ServiceResponse: everything accepted.
        context.Response.ContentType = "application/x-protobuf";
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
