namespace ActorMap.Hocon.Tests.Support;

/// <summary>A fact that is skipped, with the reason, when the conformance data is absent.</summary>
public sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute()
    {
        if (ConformanceData.Resources is null)
        {
            Skip = ConformanceData.SkipReason;
        }
    }
}
