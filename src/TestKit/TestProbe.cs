using ActorMap.Runtime.Actor;

namespace ActorMap.TestKit;

/// <summary>
/// An extra test actor with its own queue: use it as a sender, a watcher or a stand-in
/// collaborator, and make expectations on what it receives.
/// </summary>
public sealed class TestProbe : TestKitBase, IInternalActorRef
{
    internal TestProbe(ActorSystem system, TestKitSettings settings, string? name)
        : base(system, settings, name is null ? null : "probe-" + name)
    {
    }

    public IActorRef Ref => TestActor;

    public ActorPath Path => TestActor.Path;

    bool IInternalActorRef.IsTerminated => ((IInternalActorRef)TestActor).IsTerminated;

    ActorSystem IInternalActorRef.System => Sys;

    public void Tell(object message, IActorRef? sender) => TestActor.Tell(message, sender);

    /// <summary>Replies to <see cref="TestKitBase.LastSender"/> with this probe as the sender.</summary>
    public void Reply(object message) => LastSender.Tell(message, TestActor);

    /// <summary>Sends <paramref name="message"/> on to <paramref name="target"/>, keeping the last sender.</summary>
    public void Forward(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, LastSender);
    }

    void IInternalActorRef.SendSystemMessage(SystemMessage message) => ((IInternalActorRef)TestActor).SendSystemMessage(message);

    void IInternalActorRef.Stop() => ((IInternalActorRef)TestActor).Stop();

    public bool Equals(IActorRef? other) => TestActor.Equals(other is TestProbe probe ? probe.TestActor : other);

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => TestActor.GetHashCode();

    public int CompareTo(IActorRef? other) => TestActor.CompareTo(other);

    public override string ToString() => $"TestProbe{TestActor}";
}
