using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Conformance;

/// <summary>Lightbend's error cases: an include cycle and an unresolved substitution fixed by an override layer.</summary>
public class ConformanceErrorsSpec
{
    [ConformanceFact]
    public void Cycle_conf_fails_with_a_parse_error_naming_file_and_line()
    {
        var path = ConformanceData.File("cycle.conf");

        var error = Assert.Throws<HoconParseException>(() => HoconConfig.Load(path));

        Assert.EndsWith("cycle.conf", error.File, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [ConformanceFact]
    public void Test13_reference_alone_fails_naming_the_unresolved_path()
    {
        var path = ConformanceData.File("test13-reference-bad-substitutions.conf");

        var error = Assert.Throws<HoconSubstitutionException>(() => HoconConfig.Load(path, HoconOptions.WithoutEnvironment));

        Assert.Equal("b", error.Path);
        Assert.Equal(1, error.Line);
        Assert.EndsWith("test13-reference-bad-substitutions.conf", error.File, StringComparison.Ordinal);
    }

    [ConformanceFact]
    public void Test13_override_with_fallback_to_reference_resolves_to_the_override()
    {
        var reference = HoconConfig.LoadUnresolved(ConformanceData.File("test13-reference-bad-substitutions.conf"), HoconOptions.WithoutEnvironment);
        var overrides = HoconConfig.LoadUnresolved(ConformanceData.File("test13-application-override-substitutions.conf"), HoconOptions.WithoutEnvironment);

        var config = overrides.WithFallback(reference).Resolve();

        Assert.Equal("overridden", config.GetString("a"));
    }

    [ConformanceFact]
    public void Test13_reference_with_its_own_value_is_overridden_by_the_application_layer()
    {
        var reference = HoconConfig.LoadUnresolved(ConformanceData.File("test13-reference-with-substitutions.conf"));
        var overrides = HoconConfig.LoadUnresolved(ConformanceData.File("test13-application-override-substitutions.conf"));

        var config = overrides.WithFallback(reference);

        Assert.Equal("overridden", config.GetString("a"));
    }
}
