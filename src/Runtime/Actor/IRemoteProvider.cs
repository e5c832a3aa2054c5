namespace ActorMap.Runtime.Actor;

/// <summary>
/// Installed by the remoting layer: the network address this system answers to, and refs for
/// paths on other nodes. Without one, a system is purely local.
/// </summary>
internal interface IRemoteProvider
{
    /// <summary>This node's address, e.g. <c>actormap.tcp://cluster@10.0.0.5:4053</c>.</summary>
    Address LocalAddress { get; }

    /// <summary>A ref for a path on another node; never null (an unreachable node yields a ref that dead-letters).</summary>
    IActorRef ResolveRemote(ActorPath path);
}
