using System.Net;
using ActorMap.Hosting.Api;
using ActorMap.Hosting.Jobs;
using ActorMap.Hosting.Security;
using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorMap.Hosting.Nodes;

/// <summary>
/// A running Seed or WorkerNode: the Generic Host with the node's actor system, and on the Seed
/// Kestrel serving the gRPC client endpoint. The hosts run one; specs start several in process.
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
        if (settings.Role == NodeRole.Seed)
        {
            var builder = WebApplication.CreateSlimBuilder();
            logging(builder.Logging);
            var limits = settings.Limits;
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                var guard = kestrel.ApplicationServices.GetRequiredService<ConnectionGuard>();
                kestrel.Listen(ApiAddress(settings.ApiHostname), settings.ApiPort, listen =>
                {
                    listen.Protocols = HttpProtocols.Http2;
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
            });
            builder.Services.AddSingleton(limits);
            builder.Services.AddSingleton(provider => new ConnectionGuard(limits, settings.Tls is not null,
                provider.GetRequiredService<ILoggerFactory>().CreateLogger(ApiLog.Category)));
            var token = Security.ClientAuthentication.ReadToken(settings.TokenFile);
            builder.Services.AddSingleton(provider => new ClientAuthentication(settings.Tls is not null, token,
                provider.GetRequiredService<ILoggerFactory>().CreateLogger(ApiLog.Category)));
            builder.Services.AddGrpc(grpc =>
            {
                grpc.MaxReceiveMessageSize = limits.MaxMessageSize;
                grpc.Interceptors.Add<ClientAuthentication>();
            });
            builder.Services.AddActorMapNode(settings);
            var app = builder.Build();
            app.MapGrpcService<JobService>();
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
        var apiPort = settings.Role == NodeRole.Seed ? BoundPort(host) : 0;
        if (settings.Role == NodeRole.Seed)
        {
            host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ActorMap.Node")
                .LogInformation("client endpoint on {Host}:{Port} (gRPC)", settings.ApiHostname, apiPort);
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

    private static int BoundPort(IHost host)
    {
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return addresses.Select(a => new Uri(a.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port).FirstOrDefault();
    }
}
