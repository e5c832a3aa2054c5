namespace ActorMap.Hocon;

/// <summary>A parsed, resolved HOCON configuration tree.</summary>
public sealed class HoconConfig
{
}
