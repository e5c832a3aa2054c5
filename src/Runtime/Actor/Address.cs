namespace ActorMap.Runtime.Actor;

/// <summary>
/// Where an actor system lives: <c>actormap://name</c> in process, or
/// <c>actormap.tcp://name@host:port</c> once remoting gives it a network address.
/// </summary>
public sealed record Address(string Protocol, string System, string? Host = null, int? Port = null)
{
    public const string LocalProtocol = "actormap";

    public bool HasLocalScope => Host is null;

    public static Address Local(string system) => new(LocalProtocol, system);

    public override string ToString() =>
        Host is null ? $"{Protocol}://{System}" : $"{Protocol}://{System}@{Host}:{Port}";
}
