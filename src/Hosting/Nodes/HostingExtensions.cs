using ActorMap.Hocon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorMap.Hosting.Nodes;

public static class HostingExtensions
{
    /// <summary>Runs an ActorMap node as a hosted service: started with the host, stopped in order on SIGTERM.</summary>
    public static IServiceCollection AddActorMapNode(this IServiceCollection services, HoconConfig config, NodeRole role)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp => new NodeService(config, role, sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<NodeService>());
        return services;
    }
}

internal sealed class NodeService(HoconConfig config, NodeRole role, ILoggerFactory loggerFactory) : IHostedService
{
    private ActorMapNode? _node;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _node = await ActorMapNode.StartAsync(config, role, loggerFactory, cancellationToken).ConfigureAwait(false);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_node is not null)
        {
            await _node.DisposeAsync().ConfigureAwait(false);
        }
    }
}
