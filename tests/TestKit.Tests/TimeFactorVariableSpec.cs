namespace ActorMap.TestKit.Tests;

[CollectionDefinition(nameof(TimeFactorVariableSpec), DisableParallelization = true)]
public sealed class TimeFactorVariableCollection;

// Changes a process-wide environment variable that every TestKit reads: runs alone, and restores it.
[Collection(nameof(TimeFactorVariableSpec))]
public sealed class TimeFactorVariableSpec : IDisposable
{
    private readonly string? _original = Environment.GetEnvironmentVariable(TestKitSettings.TimeFactorVariable);

    public void Dispose() => Environment.SetEnvironmentVariable(TestKitSettings.TimeFactorVariable, _original);

    [Fact]
    public void TimeFactor_FromTheVariable_DilatesEveryDefault()
    {
        Environment.SetEnvironmentVariable(TestKitSettings.TimeFactorVariable, "2.5");

        var settings = new TestKitSettings();

        Assert.Equal(2.5, settings.TimeFactor);
        Assert.Equal(TimeSpan.FromSeconds(7.5), settings.Dilated(settings.SingleExpectDefault));
    }

    [Fact]
    public void TimeFactor_WithoutTheVariable_IsOne()
    {
        Environment.SetEnvironmentVariable(TestKitSettings.TimeFactorVariable, null);

        Assert.Equal(1.0, new TestKitSettings().TimeFactor);
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("fast")]
    public void TimeFactor_WhenTheVariableIsBelowOneOrNotANumber_Throws(string value)
    {
        Environment.SetEnvironmentVariable(TestKitSettings.TimeFactorVariable, value);

        var e = Assert.Throws<InvalidOperationException>(() => new TestKitSettings().TimeFactor);
        Assert.Contains(TestKitSettings.TimeFactorVariable, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeFactor_SetInCode_IsNotAffectedByABadVariable()
    {
        Environment.SetEnvironmentVariable(TestKitSettings.TimeFactorVariable, "fast");

        var settings = new TestKitSettings { TimeFactor = 2 };

        Assert.Equal(2, settings.TimeFactor);
    }

    [Fact]
    public void TimeFactor_SetInCodeBelowOne_IsRejectedLikeTheVariable()
    {
        Environment.SetEnvironmentVariable(TestKitSettings.TimeFactorVariable, null);

        Assert.Throws<ArgumentOutOfRangeException>(() => new TestKitSettings { TimeFactor = 0 });
    }
}
