using ActorMap.Runtime.Actor;
using ActorMap.Runtime.Supervision;

namespace ActorMap.Runtime.Routing;

/// <summary>
/// The actor behind a pool: its children are the routees, it watches them, and it stops
/// itself when the last one is gone (as Akka's pool routers do).
/// </summary>
internal sealed class RouterActor : ActorBase
{
    private readonly Pool _pool;
    private readonly Props _routeeProps;
    private readonly RoutingLogic _logic;
    private readonly List<IActorRef> _routees = [];

    public RouterActor(Pool pool, Props routeeProps)
    {
        _pool = pool;
        _routeeProps = routeeProps;
        _logic = pool.CreateLogic();
    }

    public static Props PropsFor(Pool pool, Props routeeProps) => Props.Create(() => new RouterActor(pool, routeeProps));

    protected override void PreStart()
    {
        for (var i = 0; i < _pool.NrOfInstances; i++)
        {
            _routees.Add(Context.Watch(Context.ActorOf(_routeeProps)));
        }
    }

    // Routees survive a router restart: they hold the state and mailboxes users care about.
    protected override void PreRestart(Exception reason, object? message)
    {
    }

    protected override void PostRestart(Exception reason)
    {
        foreach (var child in Context.Children)
        {
            _routees.Add(Context.Watch(child));
        }
    }

    protected override SupervisorStrategy SupervisorStrategy() => _pool.SupervisorStrategy;

    protected internal override bool Receive(object message)
    {
        switch (message)
        {
            case Broadcast broadcast:
                foreach (var routee in _routees)
                {
                    routee.Tell(broadcast.Message, Sender);
                }
                break;
            case GetRoutees:
                Sender.Tell(new Routees([.. _routees]), Self);
                break;
            case Terminated terminated:
                _routees.Remove(terminated.ActorRef);
                if (_routees.Count == 0)
                {
                    Context.Stop(Self);
                }
                break;
            default:
                _logic.Route(message, Sender, _routees);
                break;
        }
        return true;
    }
}
