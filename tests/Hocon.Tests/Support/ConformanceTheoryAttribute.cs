namespace ActorMap.Hocon.Tests.Support;

/// <summary>
/// A theory that is skipped, with the reason, when the conformance data is absent; its data
/// source then yields one <see cref="ConformanceData.MissingMarker"/> row so xunit has a case to skip.
/// </summary>
public sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    public ConformanceTheoryAttribute()
    {
        if (ConformanceData.Resources is null)
        {
            Skip = ConformanceData.SkipReason;
        }
    }
}
