using ActorMap.Runtime.Actor;
using System.Runtime.CompilerServices;
using ActorMap.Runtime.Supervision;

namespace ActorMap.Runtime.Tests.Supervision;

/// <summary>Creates children on request and supervises them with the given strategy.</summary>
internal sealed class Supervisor : ReceiveActor
{
    private readonly SupervisorStrategy _strategy;

    public Supervisor(SupervisorStrategy strategy)
    {
        _strategy = strategy;
        Receive<Props>(p => Sender.Tell(Context.ActorOf(p), Self));
        Receive<(Props Props, string Name)>(p => Sender.Tell(Context.ActorOf(p.Props, p.Name), Self));
    }

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;
}

/// <summary>
/// Counts messages (state survives Resume, not Restart), throws the exceptions it is sent,
/// and reports its lifecycle to a probe.
/// </summary>
internal sealed class Child : ReceiveActor
{
    private readonly IActorRef _probe;
    private readonly int _incarnation;
    private int _state;

    public Child(IActorRef probe, StrongBox<int> incarnations)
    {
        _probe = probe;
        _incarnation = Interlocked.Increment(ref incarnations.Value);
        Receive<Exception>(e => throw e);
        Receive<string>(m => m == "state", _ => Sender.Tell(_state, Self));
        Receive<string>(m => m == "incarnation", _ => Sender.Tell(_incarnation, Self));
        Receive<string>(m => Sender.Tell(m, Self));
        Receive<int>(i => _state += i);
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        _probe.Tell($"prerestart {reason.Message} {message?.GetType().Name}", Self);
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason) => _probe.Tell($"postrestart {reason.Message}", Self);

    protected override void PostStop() => _probe.Tell("poststop", Self);
}
