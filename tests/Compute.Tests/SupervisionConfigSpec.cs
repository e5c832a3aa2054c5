using ActorMap.Hocon;
using Akka.Actor;

namespace ActorMap.Compute.Tests;

/// <summary><c>actormap.compute.supervision</c> read by <see cref="MapOptions.FromConfig"/>, over the library's reference.conf.</summary>
public sealed class SupervisionConfigSpec
{
    // The user's text over the embedded defaults, resolved together, as a node reads cluster.hocon.
    private static MapOptions Read(string text)
    {
        var assembly = typeof(MapPool).Assembly;
        using var stream = assembly.GetManifestResourceStream("ActorMap.Compute.reference.conf")!;
        using var reader = new StreamReader(stream);
        var reference = HoconConfig.ParseUnresolved(reader.ReadToEnd(), HoconOptions.WithoutEnvironment);
        return MapOptions.FromConfig(HoconConfig.ParseUnresolved(text, HoconOptions.WithoutEnvironment).WithFallback(reference).Resolve());
    }

    private static string ErrorOf(string text) => Assert.Throws<ArgumentException>(() => Read(text)).Message;

    [Fact]
    public void FromConfig_Defaults_RestartWithTwoRetriesOverTheWholeJob()
    {
        var options = Read("");

        Assert.Equal(new SupervisionPolicy(Directive.Restart), options.Supervision);
        Assert.Equal(2, options.RetriesPerChunk);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.RetryWindow);
    }

    [Fact]
    public void FromConfig_ObjectForm_ReadsEveryPart()
    {
        var options = Read("""
            actormap.compute.supervision {
              default = escalate
              max-retries = 4
              within = 10s
              directives { "System.FormatException" = resume, "System.DivideByZeroException" = stop }
            }
            """);

        Assert.Equal(new SupervisionPolicy(Directive.Escalate).On<FormatException>(Directive.Resume).On<DivideByZeroException>(Directive.Stop), options.Supervision);
        Assert.Equal(4, options.RetriesPerChunk);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RetryWindow);
    }

    [Fact]
    public void FromConfig_UnquotedTypeNames_ReadAsTheirFullNames()
    {
        var options = Read("actormap.compute.supervision.directives { System.FormatException = resume, System.IO.IOException = stop }");

        Assert.Equal(Directive.Resume, options.Supervision.Directives["System.FormatException"]);
        Assert.Equal(Directive.Stop, options.Supervision.Directives["System.IO.IOException"]);
    }

    [Fact]
    public void FromConfig_PartOfTheObject_KeepsTheDefaultsForTheRest()
    {
        var options = Read("actormap.compute.supervision.default = resume");

        Assert.Equal(Directive.Resume, options.Supervision.Default);
        Assert.Equal(2, options.RetriesPerChunk);
    }

    [Fact]
    public void FromConfig_OlderScalarForm_SetsTheDefaultDirectiveAlone()
    {
        var options = Read("actormap.compute { supervision = stop, retries-per-chunk = 5 }");

        Assert.Equal(new SupervisionPolicy(Directive.Stop), options.Supervision);
        Assert.Equal(5, options.RetriesPerChunk);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.RetryWindow);
    }

    [Fact]
    public void FromConfig_OlderRetriesPerChunk_FeedsMaxRetriesUnlessThatIsSet()
    {
        Assert.Equal(0, Read("actormap.compute.retries-per-chunk = 0").RetriesPerChunk);
        Assert.Equal(3, Read("actormap.compute { retries-per-chunk = 0, supervision.max-retries = 3 }").RetriesPerChunk);
    }

    [Fact]
    public void FromConfig_WithoutReferenceConf_UsesTheSameDefaults()
    {
        var options = MapOptions.FromConfig(HoconConfig.Parse("actormap.compute.supervision.directives { \"System.FormatException\" = resume }"));

        Assert.Equal(new SupervisionPolicy().On<FormatException>(Directive.Resume), options.Supervision);
        Assert.Equal(2, options.RetriesPerChunk);
    }

    [Theory]
    [InlineData("actormap.compute.supervision = sometimes", "actormap.compute.supervision must be restart, resume, stop or escalate, got 'sometimes'")]
    [InlineData("actormap.compute.supervision = 3", "actormap.compute.supervision must be an object")]
    [InlineData("actormap.compute.supervision.default = retry", "actormap.compute.supervision.default must be restart, resume, stop or escalate, got 'retry'")]
    [InlineData("actormap.compute.supervision.directives { \"System.FormatException\" = skip }",
        "actormap.compute.supervision.directives.\"System.FormatException\" must be restart, resume, stop or escalate, got 'skip'")]
    [InlineData("actormap.compute.supervision.directives { \"System.FormatException\" = 1 }",
        "actormap.compute.supervision.directives.\"System.FormatException\" must be restart, resume, stop or escalate, got 1")]
    [InlineData("actormap.compute.supervision.directives { \"System Format\" = stop }", "actormap.compute.supervision.directives.\"System Format\" must name an exception type")]
    [InlineData("actormap.compute.supervision.directives = [stop]", "actormap.compute.supervision.directives must be an object")]
    [InlineData("actormap.compute.supervision.max-retries = -1", "actormap.compute.supervision.max-retries must not be negative, got -1")]
    [InlineData("actormap.compute.retries-per-chunk = -2", "must not be negative, got -2")]
    [InlineData("actormap.compute.supervision.within = 0s", "actormap.compute.supervision.within must be a positive duration or infinite")]
    public void FromConfig_BadValue_ThrowsNamingTheSetting(string text, string message) =>
        Assert.Contains(message, ErrorOf(text), StringComparison.Ordinal);

    [Fact]
    public void FromConfig_WindowNotADuration_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<HoconTypeException>(() => Read("actormap.compute.supervision.within = soon"));

        Assert.Equal("actormap.compute.supervision.within", error.Path);
    }
}
