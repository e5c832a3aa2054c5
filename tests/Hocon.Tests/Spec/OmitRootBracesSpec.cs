using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Omit root braces".</summary>
public class OmitRootBracesSpec
{
    // "if the file does not begin with a square bracket or curly brace, it is parsed as if it were enclosed with {} curly braces."
    [Fact]
    public void File_without_braces_is_an_object()
    {
        Assert.Equal(HoconText.Json("{ a = 1, b { c = 2 } }"), HoconText.Json("a = 1\nb { c = 2 }"));
    }

    // "A HOCON file is invalid if it omits the opening { but still has a closing }"
    [Fact]
    public void Closing_brace_without_opening_is_an_error()
    {
        var error = Assert.Throws<HoconParseException>(() => HoconText.Parse("a = 1\n}"));

        Assert.Equal(2, error.Line);
    }

    // "the curly braces must be balanced."
    [Fact]
    public void Unclosed_root_brace_is_an_error()
    {
        Assert.Throws<HoconParseException>(() => HoconText.Parse("{ a = 1"));
    }

    // "Empty files are invalid documents" in JSON; HOCON reads an empty file as an empty object.
    [Fact]
    public void Empty_text_is_an_empty_object()
    {
        Assert.Equal("{}", HoconText.Json("  \n # only a comment\n"));
    }
}
