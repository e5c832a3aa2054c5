using System.Globalization;
using Akka.Actor;
using Akka.Configuration;

namespace ActorMap.Compute;

/// <summary>The Akka configuration ActorMap's compute actors run with.</summary>
public static class ComputeConfig
{
    /// <summary>The dispatcher worker actors run on.</summary>
    public const string WorkerDispatcherId = "actormap.worker-dispatcher";

    /// <summary>
    /// The worker dispatcher: a dedicated thread pool of <paramref name="workers"/> threads. CPU-bound
    /// chunks then never hold up Akka's default dispatcher, where remoting and the cluster's
    /// heartbeats run; a pegged default dispatcher is how false unreachability starts.
    /// </summary>
    public static Config WorkerDispatcher(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        return ConfigurationFactory.ParseString(string.Create(CultureInfo.InvariantCulture, $$"""
            actormap.worker-dispatcher {
              type = ForkJoinDispatcher
              throughput = 100
              dedicated-thread-pool {
                thread-count = {{workers}}
                threadtype = background
              }
            }
            """));
    }

    /// <summary>
    /// The embedded default: a local actor system (no network) with the worker dispatcher. Its own
    /// log output is off, because every failure reaches the caller as an exception and a console's
    /// stdout carries results.
    /// </summary>
    internal static Config Embedded(int workers) =>
        ConfigurationFactory.ParseString("""
            akka {
              loglevel = OFF
              stdout-loglevel = OFF
              log-dead-letters = off
              actor.provider = local
            }
            """).WithFallback(WorkerDispatcher(workers));

    /// <summary>The worker dispatcher when the system has one configured, else null (Akka's default dispatcher).</summary>
    internal static string? WorkerDispatcherFor(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.Dispatchers.HasDispatcher(WorkerDispatcherId) ? WorkerDispatcherId : null;
    }
}
