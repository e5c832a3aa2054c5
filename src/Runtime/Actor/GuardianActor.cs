using ActorMap.Runtime.Supervision;

namespace ActorMap.Runtime.Actor;

/// <summary>The root, /user and /system actors: they only supervise.</summary>
internal sealed class GuardianActor(SupervisorStrategy strategy) : ActorBase
{
    protected internal override bool Receive(object message) => false;

    protected override SupervisorStrategy SupervisorStrategy() => strategy;

    // A guardian's children are the whole tree: never stop them on a restart.
    protected override void PreRestart(Exception reason, object? message)
    {
    }
}
