namespace ActorMap.Messages;

/// <summary>Constants of remote.proto that proto3 cannot express.</summary>
public static class RemoteProtocol
{
    /// <summary>Sent in Hello and Welcome; a node refuses a peer with any other. Bump on an incompatible change.</summary>
    public const uint Version = 1;
}
