using ActorMap.Runtime.Actor;
using ActorMap.Runtime.Supervision;

namespace ActorMap.Runtime.Routing;

/// <summary>
/// A router that creates <see cref="NrOfInstances"/> routees as its own children and supervises
/// them with <see cref="SupervisorStrategy"/> (by default Akka's: escalate to the router's parent).
/// </summary>
public abstract class Pool
{
    /// <summary>Akka's pool default: a routee failure is the router's failure.</summary>
    public static readonly SupervisorStrategy DefaultSupervisorStrategy = new OneForOneStrategy(_ => Directive.Escalate);

    protected Pool(int nrOfInstances, SupervisorStrategy? supervisorStrategy)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nrOfInstances, 1);
        NrOfInstances = nrOfInstances;
        SupervisorStrategy = supervisorStrategy ?? DefaultSupervisorStrategy;
    }

    public int NrOfInstances { get; }

    public SupervisorStrategy SupervisorStrategy { get; }

    internal abstract RoutingLogic CreateLogic();
}

/// <summary>Routes each message to the next routee in turn.</summary>
public sealed class RoundRobinPool(int nrOfInstances, SupervisorStrategy? supervisorStrategy = null)
    : Pool(nrOfInstances, supervisorStrategy)
{
    public RoundRobinPool WithSupervisorStrategy(SupervisorStrategy strategy) => new(NrOfInstances, strategy);

    internal override RoutingLogic CreateLogic() => new RoundRobinRoutingLogic();
}

/// <summary>Routes each message to the idle routee with the fewest queued messages.</summary>
public sealed class SmallestMailboxPool(int nrOfInstances, SupervisorStrategy? supervisorStrategy = null)
    : Pool(nrOfInstances, supervisorStrategy)
{
    public SmallestMailboxPool WithSupervisorStrategy(SupervisorStrategy strategy) => new(NrOfInstances, strategy);

    internal override RoutingLogic CreateLogic() => new SmallestMailboxRoutingLogic();
}

/// <summary>Routes each message to every routee.</summary>
public sealed class BroadcastPool(int nrOfInstances, SupervisorStrategy? supervisorStrategy = null)
    : Pool(nrOfInstances, supervisorStrategy)
{
    public BroadcastPool WithSupervisorStrategy(SupervisorStrategy strategy) => new(NrOfInstances, strategy);

    internal override RoutingLogic CreateLogic() => new BroadcastRoutingLogic();
}
