namespace ActorMap.Hosting.Registration;

/// <summary>The Akka cluster roles ActorMap's nodes carry.</summary>
internal static class NodeRoles
{
    public const string Seed = "seed";

    public const string Worker = "worker";
}
