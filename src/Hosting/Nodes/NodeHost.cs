using System.Globalization;
using System.Net;
using ActorMap.Hosting.Api;
using ActorMap.Hosting.Dashboard;
using ActorMap.Hosting.Jobs;
using ActorMap.Hosting.Security;
using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorMap.Hosting.Nodes;

/// <summary>
/// A running Seed or WorkerNode: the Generic Host with the node's actor system, and on the Seed
/// Kestrel serving the gRPC client endpoint and the dashboard. The hosts run one; specs start several in process.
/// </summary>
internal sealed class NodeHost : IAsyncDisposable
{
    private readonly IHost _host;

    private NodeHost(IHost host, int apiPort)
    {
        _host = host;
        ApiPort = apiPort;
    }

    public ActorSystem System => _host.Services.GetRequiredService<ActorSystem>();

    public IServiceProvider Services => _host.Services;

    /// <summary>The port the client endpoint listens on (the Seed only; 0 on a worker).</summary>
    public int ApiPort { get; }

    public IHostApplicationLifetime Lifetime => _host.Services.GetRequiredService<IHostApplicationLifetime>();

    public static async Task<NodeHost> StartAsync(NodeSettings settings, Action<ILoggingBuilder> logging, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logging);
        IHost host;
        ListenOptions? apiListen = null;
        ListenOptions? dashboardListen = null;
        if (settings.Role == NodeRole.Seed)
        {
            var builder = WebApplication.CreateSlimBuilder();
            logging(builder.Logging);
            var limits = settings.Limits;
            var dashboard = settings.Dashboard;
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                var guard = kestrel.ApplicationServices.GetRequiredService<ConnectionGuard>();
                kestrel.Listen(ApiAddress(settings.ApiHostname), settings.ApiPort, listen =>
                {
                    apiListen = listen;
                    // With TLS, ALPN gives browsers HTTP/1.1 (the dashboard) and gRPC clients h2 on one port.
                    listen.Protocols = settings.Tls is not null && dashboard.Enabled ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http2;
                    listen.Use(guard.Outer);
                    if (settings.Tls is { } tls)
                    {
                        listen.UseHttps(tls.Node, https =>
                        {
                            // A backstop only: the guard aborts a stalled handshake at the limit itself, so
                            // its log line does not depend on which of two timers fires first.
                            https.HandshakeTimeout = limits.HandshakeTimeout + TimeSpan.FromSeconds(5);
                            // Allowed, not required: a client may prove itself with a token instead (ClientAuthentication).
                            https.ClientCertificateMode = Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.AllowCertificate;
                            https.ClientCertificateValidation = (certificate, _, _) => tls.Trusts(certificate);
                        });
                    }
                    listen.Use(guard.Inner);
                });
                if (settings.Tls is null && dashboard.Enabled)
                {
                    // Plaintext h2 (prior knowledge) and HTTP/1.1 cannot share a port: the page gets its own.
                    var pageGuard = new ConnectionGuard(limits, tls: false, kestrel.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(ApiLog.Category), GuardedHttp.Http1);
                    kestrel.Listen(ApiAddress(settings.ApiHostname), dashboard.Port, listen =>
                    {
                        dashboardListen = listen;
                        listen.Protocols = HttpProtocols.Http1;
                        listen.Use(pageGuard.Outer);
                        listen.Use(pageGuard.Inner);
                    });
                }
            });
            builder.Services.AddSingleton(limits);
            builder.Services.AddSingleton(provider => new ConnectionGuard(limits, settings.Tls is not null,
                provider.GetRequiredService<ILoggerFactory>().CreateLogger(ApiLog.Category),
                settings.Tls is not null && dashboard.Enabled ? GuardedHttp.Negotiated : GuardedHttp.Http2));
            var token = Security.ClientAuthentication.ReadToken(settings.TokenFile);
            builder.Services.AddSingleton(provider => new ClientAuthentication(settings.Tls is not null, token,
                provider.GetRequiredService<ILoggerFactory>().CreateLogger(ApiLog.Category)));
            builder.Services.AddGrpc(grpc =>
            {
                grpc.MaxReceiveMessageSize = limits.MaxMessageSize;
                grpc.Interceptors.Add<ClientAuthentication>();
            });
            builder.Services.AddSingleton<DashboardAddress>();
            if (dashboard.Enabled)
            {
                builder.Services.AddDashboard(settings.Tls is not null, token);
            }
            builder.Services.AddActorMapNode(settings);
            var app = builder.Build();
            app.MapGrpcService<JobService>();
            if (dashboard.Enabled)
            {
                app.MapDashboard();
            }
            host = app;
        }
        else
        {
            var builder = Host.CreateApplicationBuilder();
            logging(builder.Logging);
            builder.Services.AddActorMapNode(settings);
            host = builder.Build();
        }
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        var apiPort = apiListen is null ? 0 : BoundPort(apiListen);
        if (settings.Role == NodeRole.Seed)
        {
            var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ActorMap.Node");
            log.LogInformation("client endpoint on {Host}:{Port} (gRPC)", settings.ApiHostname, apiPort);
            if (settings.Dashboard.Enabled)
            {
                var url = DashboardUrl(settings, settings.Tls is not null ? apiPort : BoundPort(dashboardListen!));
                host.Services.GetRequiredService<DashboardAddress>().Url = url;
                log.LogInformation("dashboard on {Url}", url);
            }
        }
        return new NodeHost(host, apiPort);
    }

    /// <summary>Completes when the host stops: SIGTERM, or the actor system ending (a downed node).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _host.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        _host.Dispose();
    }

    private static IPAddress ApiAddress(string hostname) =>
        hostname is "0.0.0.0" or "*" ? IPAddress.Any
        : IPAddress.TryParse(hostname, out var address) ? address
        : hostname == "localhost" ? IPAddress.Loopback
        : throw new ArgumentException($"actormap.api.hostname must be an IP address or localhost, got '{hostname}'");

    // Kestrel writes the port it bound (port 0 picks one) back into the listener's endpoint.
    private static int BoundPort(ListenOptions listen) => listen.IPEndPoint?.Port ?? 0;

    private static string DashboardUrl(NodeSettings settings, int port)
    {
        // 0.0.0.0 cannot be dialled: show the machine's name, which is what another machine would use.
        var host = settings.ApiHostname is "0.0.0.0" or "*" ? Dns.GetHostName() : settings.ApiHostname;
        return string.Create(CultureInfo.InvariantCulture, $"{(settings.Tls is null ? "http" : "https")}://{host}:{port}/");
    }
}
