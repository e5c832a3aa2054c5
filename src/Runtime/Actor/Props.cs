using ActorMap.Runtime.Dispatch;
using ActorMap.Runtime.Routing;
using ActorMap.Runtime.Supervision;

namespace ActorMap.Runtime.Actor;

/// <summary>
/// An immutable recipe for an actor: how to construct it (again, on every restart), its
/// mailbox, its supervisor strategy and, for a router, the pool it manages.
/// </summary>
public sealed class Props
{
    private readonly Func<ActorBase> _factory;

    private Props(Type actorType, Func<ActorBase> factory)
    {
        ActorType = actorType;
        _factory = factory;
    }

    public Type ActorType { get; }

    public Pool? RouterConfig { get; private init; }

    public SupervisorStrategy? SupervisorStrategy { get; private init; }

    public MailboxOptions Mailbox { get; private init; } = MailboxOptions.Unbounded;

    public static Props Create<TActor>()
        where TActor : ActorBase, new() => new(typeof(TActor), static () => new TActor());

    /// <summary>The factory runs on every (re)start, so it must build a fresh instance each call.</summary>
    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(TActor), factory);
    }

    public static Props Create(Type actorType, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        if (!typeof(ActorBase).IsAssignableFrom(actorType) || actorType.IsAbstract)
        {
            throw new ArgumentException($"{actorType} is not a concrete actor type", nameof(actorType));
        }
        return new Props(actorType, () => (ActorBase)Activator.CreateInstance(actorType, args)!);
    }

    public Props WithRouter(Pool pool) => new(ActorType, _factory)
    {
        RouterConfig = pool, SupervisorStrategy = SupervisorStrategy, Mailbox = Mailbox,
    };

    public Props WithSupervisorStrategy(SupervisorStrategy strategy) => new(ActorType, _factory)
    {
        RouterConfig = RouterConfig, SupervisorStrategy = strategy, Mailbox = Mailbox,
    };

    public Props WithMailbox(MailboxOptions mailbox) => new(ActorType, _factory)
    {
        RouterConfig = RouterConfig, SupervisorStrategy = SupervisorStrategy, Mailbox = mailbox,
    };

    internal Props WithoutRouter() => new(ActorType, _factory)
    {
        SupervisorStrategy = SupervisorStrategy, Mailbox = Mailbox,
    };

    internal ActorBase NewActor() => _factory();
}
