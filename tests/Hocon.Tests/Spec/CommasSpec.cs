using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Commas".</summary>
public class CommasSpec
{
    // "[1,2,3,] and [1,2,3] are the same array."
    [Fact]
    public void Single_trailing_comma_is_ignored()
    {
        Assert.Equal(HoconText.Json("a = [1,2,3]"), HoconText.Json("a = [1,2,3,]"));
    }

    // "[1\n2\n3] and [1,2,3] are the same array."
    [Fact]
    public void Newlines_separate_array_elements()
    {
        Assert.Equal(HoconText.Json("a = [1,2,3]"), HoconText.Json("a = [1\n2\n3]"));
    }

    // "[1,2,3,,] is invalid because it has two trailing commas."
    // "[,1,2,3] is invalid because it has an initial comma."
    // "[1,,2,3] is invalid because it has two commas in a row."
    [Theory]
    [InlineData("a = [1,2,3,,]")]
    [InlineData("a = [,1,2,3]")]
    [InlineData("a = [1,,2,3]")]
    public void Extra_commas_in_arrays_are_errors(string text)
    {
        Assert.Throws<HoconParseException>(() => HoconText.Parse(text));
    }

    // "these same comma rules apply to fields in objects."
    [Theory]
    [InlineData("{ a = 1,, }")]
    [InlineData("{ , a = 1 }")]
    [InlineData("{ a = 1,, b = 2 }")]
    public void Extra_commas_in_objects_are_errors(string text)
    {
        Assert.Throws<HoconParseException>(() => HoconText.Parse(text));
    }

    [Fact]
    public void Fields_separated_by_newlines_or_a_trailing_comma_parse()
    {
        Assert.Equal("""{"a":1,"b":2}""", HoconText.Json("{ a = 1\n b = 2, }"));
    }
}
