using ActorMap.Cluster;
using ActorMap.Compute;
using ActorMap.Compute.Workers;
using ActorMap.Functions;
using ActorMap.Hocon;
using ActorMap.Hosting.Jobs;
using ActorMap.Hosting.Wire;
using ActorMap.Remote;
using ActorMap.Runtime.Actor;
using Microsoft.Extensions.Logging;

namespace ActorMap.Hosting.Nodes;

//   Seed:   /user/workers/worker-1..N (when allow-local-routees), /user/directory, /user/worker-feed, /user/jobs
//   Worker: /user/workers/worker-1..N
/// <summary>
/// One running node: its actor system, remoting, membership and role-specific actors. Start it
/// from a host (see <see cref="HostingExtensions"/>) or directly in tests.
/// </summary>
public sealed class ActorMapNode : IAsyncDisposable
{
    private readonly ILogger _log;

    private ActorMapNode(ActorSystem system, Remoting remoting, Cluster.Cluster cluster, NodeRole role, ILogger log)
    {
        System = system;
        Remoting = remoting;
        Cluster = cluster;
        Role = role;
        _log = log;
    }

    public ActorSystem System { get; }

    public Remoting Remoting { get; }

    public Cluster.Cluster Cluster { get; }

    public NodeRole Role { get; }

    public static async Task<ActorMapNode> StartAsync(HoconConfig config, NodeRole role, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var log = loggerFactory.CreateLogger("ActorMap.Node");
        var clusterSettings = ClusterSettings.From(config);
        var remote = RemoteSettings.FromConfig(config);
        var defaults = MapOptions.FromConfig(config);
        var system = ActorSystem.Create(clusterSettings.Name, ActorSystemSettings.FromConfig(config) with { LoggerFactory = loggerFactory });
        var workers = role == NodeRole.Worker || clusterSettings.AllowLocalRoutees ? defaults.Workers ?? Environment.ProcessorCount : 0;
        if (workers > 0)
        {
            await WorkerHost.StartWorkersAsync(system, workers).ConfigureAwait(false);
        }
        var roleName = role == NodeRole.Seed ? "seed" : "worker";
        var settings = clusterSettings with
        {
            Roles = [roleName, .. clusterSettings.Roles.Where(r => r is not ("seed" or "worker"))],
            // The Seed leads: it joins nobody.
            SeedNodes = role == NodeRole.Seed ? [] : clusterSettings.SeedNodes,
        };
        if (role == NodeRole.Worker && settings.SeedNodes.IsEmpty)
        {
            await system.Terminate().ConfigureAwait(false);
            throw new ArgumentException("a worker needs a seed: pass --seed HOST:PORT or set actormap.cluster.seed-nodes");
        }
        Remoting remoting;
        Cluster.Cluster cluster;
        try
        {
            (remoting, cluster) = await ClusterNode.StartAsync(system, settings, remote, workers, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await system.Terminate().ConfigureAwait(false);
            throw;
        }
        ComputeWire.Register(remoting.Serialization);
        var address = remoting.LocalAddress;
        log.LogInformation("listening on {Host}:{Port} as {Role} of cluster {Cluster} ({Address}), {Workers} workers",
            address.Host, address.Port, roleName, settings.Name, address, workers);
        system.ActorOf(Props.Create(() => new MembershipLog(cluster, log)), "membership-log");
        if (role == NodeRole.Seed)
        {
            var directory = system.ActorOf(WorkerDirectory.Props(), "directory");
            system.ActorOf(Props.Create(() => new WorkerFeed(cluster, directory)), "worker-feed");
            var pool = MapPool.CreateForCluster(system, directory, defaults);
            var runner = new JobRunner(pool, directory, defaults, NodeFunctions.Cache);
            system.ActorOf(Props.Create(() => new JobEndpoint(runner, cluster)), "jobs");
        }
        return new ActorMapNode(system, remoting, cluster, role, log);
    }

    /// <summary>
    /// Stops in order. A worker first leaves the cluster, so the Seed stops sending it chunks and
    /// hands the ones it holds to other workers; then remoting says goodbye and the actors stop.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Role == NodeRole.Worker)
        {
            try
            {
                await Cluster.LeaveAsync().WaitAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(false);
                _log.LogInformation("left the cluster");
            }
            catch (TimeoutException)
            {
                _log.LogWarning("the leader did not confirm the leave in time; stopping anyway");
            }
        }
        await Remoting.DisposeAsync().ConfigureAwait(false);
        await System.Terminate().ConfigureAwait(false);
    }
}
