using ActorMap.Compute.Actors;
using ActorMap.Runtime.Actor;

namespace ActorMap.Compute.Workers;

/// <summary>Starts a node's worker actors at <c>/user/workers/worker-1..N</c>, where routers of cluster jobs find them.</summary>
public static class WorkerHost
{
    /// <summary>Completes once the workers exist, so announcing them cannot race their creation.</summary>
    public static async Task<IActorRef> StartWorkersAsync(ActorSystem system, int count)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var parent = system.ActorOf(Props.Create(() => new WorkersParent(count)), "workers");
        await parent.Ask<WorkersReady>(WorkersReady.Instance, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        return parent;
    }

    private sealed class WorkersReady
    {
        public static readonly WorkersReady Instance = new();
    }

    // A worker's failure is about one job's chunk: restart it and keep serving other jobs.
    private sealed class WorkersParent : ReceiveActor
    {
        public WorkersParent(int count)
        {
            for (var i = 1; i <= count; i++)
            {
                Context.ActorOf(Props.Create<Worker>(), $"worker-{i}");
            }
            // Answered after the constructor, when every worker is registered as a child.
            Receive<WorkersReady>(ready => Sender.Tell(ready, Self));
        }
    }
}
