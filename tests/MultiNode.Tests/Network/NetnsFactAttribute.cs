namespace ActorMap.MultiNode.Tests.Network;

/// <summary>A fact that needs network namespaces, skipped with the reason where <c>ip netns</c> is not permitted.</summary>
public sealed class NetnsFactAttribute : FactAttribute
{
    public NetnsFactAttribute()
    {
        if (NetnsAvailability.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
