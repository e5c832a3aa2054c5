using Akka.Actor;

namespace ActorMap.Compute.Tests;

/// <summary>A job's own supervision over the defaults: what it names wins, the rest stays.</summary>
public sealed class SupervisionOverridesSpec
{
    private static readonly MapOptions s_defaults = new()
    {
        Supervision = new SupervisionPolicy(Directive.Restart).On<FormatException>(Directive.Stop).On<OverflowException>(Directive.Resume),
        RetriesPerChunk = 2,
        RetryWindow = TimeSpan.FromSeconds(30),
        ChunkSize = 7,
    };

    [Fact]
    public void ApplyTo_None_KeepsTheDefaults() =>
        Assert.Equal(s_defaults, SupervisionOverrides.None.ApplyTo(s_defaults));

    [Fact]
    public void ApplyTo_EveryPart_ReplacesDefaultRetriesAndWindowAndMergesTheTypes()
    {
        var overrides = new SupervisionOverrides(Directive.Escalate,
            new Dictionary<string, Directive> { ["System.FormatException"] = Directive.Resume, ["System.IO.IOException"] = Directive.Stop },
            MaxRetries: 5, Within: Timeout.InfiniteTimeSpan);

        var options = overrides.ApplyTo(s_defaults);

        Assert.Equal(new SupervisionPolicy(Directive.Escalate)
            .On<FormatException>(Directive.Resume).On<OverflowException>(Directive.Resume).On<IOException>(Directive.Stop), options.Supervision);
        Assert.Equal(5, options.RetriesPerChunk);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.RetryWindow);
        Assert.Equal(7, options.ChunkSize);
    }

    [Fact]
    public void From_Options_CarriesEveryPart()
    {
        var overrides = SupervisionOverrides.From(s_defaults);

        Assert.Equal(Directive.Restart, overrides.Default);
        Assert.Equal(2, overrides.Directives.Count);
        Assert.Equal(2, overrides.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(30), overrides.Within);
    }
}
