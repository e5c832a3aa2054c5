using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Value concatenation".</summary>
public class ValueConcatenationSpec
{
    // "As long as simple values are separated only by non-newline whitespace, the whitespace between them is preserved"
    [Fact]
    public void Whitespace_between_simple_values_is_kept()
    {
        Assert.Equal("foo  bar\tbaz", HoconText.Parse("a =   foo  bar\tbaz   ").GetString("a"));
    }

    // "Value concatenation foo bar (two unquoted strings with whitespace) and quoted string "foo bar" would result in the same in-memory representation"
    [Fact]
    public void Unquoted_concatenation_equals_the_quoted_string()
    {
        Assert.Equal(HoconText.Json("a = \"foo bar\""), HoconText.Json("a = foo bar"));
    }

    // "numbers should be kept as they were originally written in the file."
    [Fact]
    public void Numbers_keep_their_original_text_in_a_concatenation()
    {
        Assert.Equal("1e5 and 0.50", HoconText.Parse("a = 1e5 and 0.50").GetString("a"));
    }

    // "true and false become the strings "true" and "false"." / "null becomes the string "null"."
    [Fact]
    public void Literals_become_their_text()
    {
        Assert.Equal("null bar 42 baz true 3.14 hi", HoconText.Parse("a = null bar 42 \"baz\" true 3.14 hi").GetString("a"));
    }

    // "a substitution is replaced with its value which is then converted to a string as above."
    [Fact]
    public void Substitution_inside_a_string_concatenation_is_converted_to_text()
    {
        Assert.Equal("port 8080!", HoconText.Parse("p = 8080, a = port ${p}\"!\"").GetString("a"));
    }

    // "Value concatenations never span a newline"
    [Fact]
    public void Newline_ends_the_concatenation()
    {
        Assert.Equal(["a b", "c"], HoconText.Parse("x = [a b\nc]").GetStringList("x"));
    }
}
