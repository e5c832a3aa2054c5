using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Unquoted strings".</summary>
public class UnquotedStringsSpec
{
    // "A sequence of characters outside of a quoted string is a string value"
    [Fact]
    public void Unquoted_text_is_a_string()
    {
        Assert.Equal("""{"a":"hello-world.txt"}""", HoconText.Json("a = hello-world.txt"));
    }

    // "truefoo parses as the boolean token true followed by the unquoted string foo. However, footrue parses as the unquoted string footrue."
    [Fact]
    public void Literal_prefix_then_text_is_the_concatenated_string()
    {
        Assert.Equal("""{"a":"truefoo","b":"footrue"}""", HoconText.Json("a = truefoo, b = footrue"));
    }

    // "10.0bar is the number 10.0 then the unquoted string bar but bar10.0 is the unquoted string bar10.0."
    [Fact]
    public void Number_prefix_then_text_keeps_the_number_as_written()
    {
        Assert.Equal("""{"a":"10.0bar","b":"bar10.0"}""", HoconText.Json("a = 10.0bar, b = bar10.0"));
    }

    // "it does not contain "forbidden characters" '$', '"', '{', '}', '[', ']', ':', '=', ',', '+', '#', '`', '^', '?', '!', '@', '*', '&', '\'"
    [Theory]
    [InlineData("a = x`y")]
    [InlineData("a = x^y")]
    [InlineData("a = x?y")]
    [InlineData("a = x!y")]
    [InlineData("a = x@y")]
    [InlineData("a = x*y")]
    [InlineData("a = x&y")]
    [InlineData("a = x\\y")]
    [InlineData("a = x+y")]
    public void Forbidden_characters_in_a_value_are_errors(string text)
    {
        var error = Assert.Throws<HoconParseException>(() => HoconText.Parse(text));

        Assert.Equal(1, error.Line);
        Assert.Equal(6, error.Column);
    }

    // A lone true, false or null keeps its type: "it would be wrong to value concatenate true by itself"
    [Fact]
    public void Lone_literals_keep_their_type()
    {
        Assert.Equal("""{"a":true,"b":false,"c":null}""", HoconText.Json("a = true, b = false, c = null"));
    }
}
