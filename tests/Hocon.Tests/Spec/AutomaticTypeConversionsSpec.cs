using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Automatic type conversions".</summary>
public class AutomaticTypeConversionsSpec
{
    // "number to string: convert the number into a string representation that would be a valid number in JSON."
    [Fact]
    public void Number_reads_as_a_string()
    {
        Assert.Equal("42.5", HoconText.Parse("a = 42.5").GetString("a"));
    }

    // "string to number: parse the number with the JSON rules"
    [Fact]
    public void Numeric_string_reads_as_a_number()
    {
        var config = HoconText.Parse("a = \"57\", b = \"3.5\"");

        Assert.Equal(57, config.GetInt("a"));
        Assert.Equal(3.5, config.GetDouble("b"));
    }

    // "string to boolean: the strings "true", "yes", "on", "false", "no", "off" should be converted to boolean values."
    [Theory]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    public void Boolean_words_read_as_booleans(string word, bool expected)
    {
        Assert.Equal(expected, HoconText.Parse("a = " + word).GetBoolean("a"));
    }

    // "null to anything: If the application asks for a specific type and finds null instead, that should usually result in an error."
    [Fact]
    public void Null_is_not_converted()
    {
        var error = Assert.Throws<HoconMissingPathException>(() => HoconText.Parse("a = null").GetInt("a"));

        Assert.Contains("'a' is null", error.Message, StringComparison.Ordinal);
    }

    // "object to anything" and "array to anything" should NOT be performed.
    [Fact]
    public void Objects_and_arrays_are_not_converted()
    {
        var config = HoconText.Parse("o { x = 1 }, l = [1]");

        Assert.Throws<HoconTypeException>(() => config.GetString("o"));
        Assert.Throws<HoconTypeException>(() => config.GetInt("l"));
    }

    [Fact]
    public void Long_values_beyond_int_range_are_rejected_by_GetInt()
    {
        var config = HoconText.Parse("big = 4294967296");

        Assert.Equal(4_294_967_296L, config.GetLong("big"));
        Assert.Throws<HoconTypeException>(() => config.GetInt("big"));
    }
}
