using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Multi-line strings".</summary>
public class MultiLineStringsSpec
{
    // "all Unicode characters until a closing """ sequence are used unmodified to create a string value. Newlines and whitespace receive no special treatment."
    [Fact]
    public void Triple_quoted_string_keeps_newlines_and_whitespace()
    {
        var config = HoconText.Parse("a = \"\"\"  one\n  two \"\"\"");

        Assert.Equal("  one\n  two ", config.GetString("a"));
    }

    // "Unicode escapes are not interpreted in triple-quoted strings."
    [Fact]
    public void Escapes_are_not_interpreted()
    {
        Assert.Equal("a\\nb\\u0041", HoconText.Parse("x = \"\"\"a\\nb\\u0041\"\"\"").GetString("x"));
    }

    // "any sequence of at least three quotes ends the multi-line string, and any "extra" quotes are part of the string."
    [Fact]
    public void Extra_closing_quotes_belong_to_the_string()
    {
        Assert.Equal("foo\"", HoconText.Parse("x = \"\"\"foo\"\"\"\"").GetString("x"));
    }

    [Fact]
    public void Lines_after_a_multi_line_string_report_correct_line_numbers()
    {
        var error = Assert.Throws<HoconParseException>(() => HoconText.Parse("a = \"\"\"1\n2\n3\"\"\"\nb = x^"));

        Assert.Equal(4, error.Line);
    }
}
