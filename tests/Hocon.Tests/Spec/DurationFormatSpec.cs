using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Duration format", plus Akka's "infinite".</summary>
public class DurationFormatSpec
{
    // "bare numbers are taken to be in milliseconds already, while strings are parsed as a number plus an optional unit string."
    [Theory]
    [InlineData("250", 250)]
    [InlineData("\"250\"", 250)]
    [InlineData("5s", 5_000)]
    [InlineData("100 ms", 100)]
    [InlineData("2 minutes", 120_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("2000 micros", 2)]
    [InlineData("3000000ns", 3)]
    public void Durations_read_with_their_units(string value, long milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), HoconText.Parse("d = " + value).GetTimeSpan("d"));
    }

    [Fact]
    public void Infinite_is_the_infinite_timeout()
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, HoconText.Parse("d = infinite").GetTimeSpan("d"));
    }

    // "The supported unit strings for duration are case sensitive and must be lowercase."
    [Fact]
    public void Uppercase_units_are_rejected_naming_the_value()
    {
        var error = Assert.Throws<HoconTypeException>(() => HoconText.Parse("d = 5S").GetTimeSpan("d"));

        Assert.Equal("d", error.Path);
        Assert.Contains("5S", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_duration_uses_the_default()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), HoconConfig.Empty.GetTimeSpan("x", TimeSpan.FromSeconds(3)));
    }
}
