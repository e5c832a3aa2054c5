using ActorMap.Compute.Actors;
using Akka.Actor;

namespace ActorMap.Compute.Workers;

/// <summary>Starts a node's worker actors at <c>/user/workers/worker-1..N</c>, the ones routers of cluster jobs use.</summary>
internal static class WorkerHost
{
    /// <summary>Completes with the workers once they exist, so announcing them cannot race their creation.</summary>
    public static Task<IReadOnlyList<IActorRef>> StartWorkersAsync(ActorSystem system, int count) =>
        StartWorkersAsync(system, count, null);

    internal static async Task<IReadOnlyList<IActorRef>> StartWorkersAsync(ActorSystem system, int count, Func<ChunkResult, ChunkResult>? forWire)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var dispatcher = ComputeConfig.WorkerDispatcherFor(system);
        var parent = system.ActorOf(Props.Create(() => new WorkersParent(count, dispatcher, forWire)), "workers");
        return await parent.Ask<IReadOnlyList<IActorRef>>(WorkersReady.Instance, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }

    private sealed class WorkersReady
    {
        public static readonly WorkersReady Instance = new();
    }

    // A worker's failure is about one job's chunk: restart it and keep serving other jobs.
    private sealed class WorkersParent : ReceiveActor
    {
        public WorkersParent(int count, string? dispatcher, Func<ChunkResult, ChunkResult>? forWire)
        {
            var workers = new IActorRef[count];
            for (var i = 0; i < count; i++)
            {
                var props = Props.Create(() => new Worker(forWire));
                workers[i] = Context.ActorOf(dispatcher is null ? props : props.WithDispatcher(dispatcher), $"worker-{i + 1}");
            }
            Receive<WorkersReady>(_ => Sender.Tell((IReadOnlyList<IActorRef>)workers, Self));
        }

        protected override SupervisorStrategy SupervisorStrategy() => ChunkRouter.WorkerStrategy(Directive.Restart);
    }
}
