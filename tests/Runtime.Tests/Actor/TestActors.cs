using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Tests.Actor;

/// <summary>Replies to every message with the same message.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(m => Sender.Tell(m, Self));
}

/// <summary>Forwards every message, and its lifecycle events, to a probe.</summary>
internal sealed class ReportingActor : ReceiveActor
{
    private readonly IActorRef _probe;

    public ReportingActor(IActorRef probe)
    {
        _probe = probe;
        Receive<Exception>(e => throw e);
        ReceiveAny(m => probe.Tell(m, Sender));
    }

    protected override void PreStart() => _probe.Tell($"prestart {Self.Path.Name}", Self);

    protected override void PostStop() => _probe.Tell($"poststop {Self.Path.Name}", Self);
}
