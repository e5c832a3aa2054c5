using Akka.Actor;

namespace ActorMap.Hosting.Registration;

/// <summary>WorkerNode to the Seed's registry: these worker actors take chunks. Sent until acknowledged.</summary>
internal sealed record RegisterWorkers(IReadOnlyList<IActorRef> Workers);

/// <summary>Seed to WorkerNode: the registration arrived.</summary>
internal sealed class WorkersRegistered
{
    public static readonly WorkersRegistered Instance = new();
}

/// <summary>Published on the Seed's event stream whenever a node's registered worker count changes (0: gone).</summary>
internal sealed record NodeWorkersChanged(Address Node, int Workers);
