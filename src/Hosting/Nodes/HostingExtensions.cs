using ActorMap.Compute;
using ActorMap.Compute.Workers;
using ActorMap.Functions;
using ActorMap.Hosting.Jobs;
using ActorMap.Hosting.Registration;
using ActorMap.Hosting.Security;
using ActorMap.Hosting.Wire;
using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorMap.Hosting.Nodes;

//   Seed:   /user/directory, /user/registry, /user/status, /user/assemblies, /user/membership-log, /user/load, /user/workers/worker-1..N (allow-local-routees)
//   Worker: /user/workers/worker-1..N, /user/membership-log, /user/load
/// <summary>Wires an ActorMap node into a host with Akka.Hosting.</summary>
public static class HostingExtensions
{
    /// <summary>
    /// The node's actor system, started and stopped with the host. Stopping runs Akka's
    /// CoordinatedShutdown: a worker leaves the cluster and its chunks go to the others.
    /// </summary>
    public static IServiceCollection AddActorMapNode(this IServiceCollection services, NodeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.AddAkka(settings.ClusterName, (builder, provider) =>
        {
            var log = provider.GetRequiredService<ILoggerFactory>().CreateLogger("ActorMap.Node");
            builder.AddHocon(settings.AkkaConfig(), HoconAddMode.Prepend)
                .ConfigureLoggers(loggers =>
                {
                    loggers.ClearLoggers();
                    loggers.AddLoggerFactory();
                })
                .WithCustomSerializer("actormap", ComputeSerializer.Types, system => new ComputeSerializer(system))
                .AddSetupIf(settings.Tls is { } tls, () => PeerValidation.SslSetup(settings.Tls!))
                .AddSetup(new Shipping.ShippingSetup(settings.Shipping))
                .WithActors((system, registry) => StartActors(system, registry, settings, log));
        });
        services.AddActorMapTelemetry(settings);
        if (settings.HealthPort > 0)
        {
            services.AddHostedService(provider => new HealthEndpoint(provider.GetRequiredService<ActorSystem>(), settings.HealthPort));
        }
        if (settings.Role == NodeRole.Seed)
        {
            services.AddSingleton(provider =>
            {
                var system = provider.GetRequiredService<ActorSystem>();
                var directory = provider.GetRequiredService<IRequiredActor<WorkerDirectory>>().ActorRef;
                var pool = MapPool.CreateForCluster(system, directory, settings.Defaults);
                var shipped = Shipping.ShippedFunctions.Get(system);
                return new SeedJobs(new JobRunner(pool, directory, settings.Defaults, shipped), shipped);
            });
        }
        return services;
    }

    private static AkkaConfigurationBuilder AddSetupIf(this AkkaConfigurationBuilder builder, bool condition, Func<Akka.Actor.Setup.Setup> setup) =>
        condition ? builder.AddSetup(setup()) : builder;

    private static void StartActors(ActorSystem system, IActorRegistry registry, NodeSettings settings, ILogger log)
    {
        var cluster = Cluster.Get(system);
        var address = cluster.SelfAddress;
        if (settings.Role == NodeRole.Seed)
        {
            Telemetry.MemberGauge.Watch(system);
        }
        log.LogInformation("listening on {Host}:{Port} as {Role} of cluster {Cluster} ({Address}), {Workers} workers",
            address.Host, address.Port, settings.Role == NodeRole.Seed ? NodeRoles.Seed : NodeRoles.Worker, settings.ClusterName, address, settings.Workers);
        if (settings.Tls is null && settings.Insecure)
        {
            log.LogWarning("actormap.insecure = on: this node talks plain TCP on a network address; anyone who reaches it can join or submit code");
        }
        system.ActorOf(Props.Create(() => new MembershipLog(log)), "membership-log");
        system.ActorOf(LoadReporter.Props(settings.Workers), LoadReporter.Name);
        if (settings.Role == NodeRole.Seed)
        {
            var directory = system.ActorOf(WorkerDirectory.Props(), "directory");
            registry.Register<WorkerDirectory>(directory);
            system.ActorOf(WorkerRegistry.Props(directory), WorkerRegistry.Name);
            registry.Register<StatusView>(system.ActorOf(Props.Create(() => new StatusView()), "status"));
            system.ActorOf(Shipping.AssemblyServer.Props(Shipping.ShippedFunctions.Get(system).Store, settings.MaximumFrameSize), Shipping.AssemblyServer.Name);
            cluster.Join(address);
        }
        if (settings.Workers > 0)
        {
            var encoder = new ChunkResultEncoder(settings.MaximumFrameSize);
            system.ActorOf(Props.Create(() => new NodeWorkers(settings.Workers, ComputeConfig.WorkerDispatcherFor(system), encoder)), "workers");
        }
    }
}
