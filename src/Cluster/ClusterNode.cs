using ActorMap.Remote;
using ActorMap.Runtime.Actor;

namespace ActorMap.Cluster;

/// <summary>Starts a node the usual way: remoting first (so the node has its network address), then membership.</summary>
public static class ClusterNode
{
    public static async Task<(Remoting Remoting, Cluster Cluster)> StartAsync(
        ActorSystem system, ClusterSettings cluster, RemoteSettings remote, int workers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        var remoting = await Remoting.StartAsync(system, remote, cancellationToken).ConfigureAwait(false);
        ClusterWire.Register(remoting.Serialization);
        return (remoting, Cluster.Start(system, cluster, workers, onNodeTerminated: remoting.AddressTerminated));
    }
}
