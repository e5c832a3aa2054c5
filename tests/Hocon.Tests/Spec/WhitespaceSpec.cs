using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Whitespace".</summary>
public class WhitespaceSpec
{
    // "any Unicode space separator (Zs category) ... including nonbreaking spaces (such as 0x00A0, 0x2007, and 0x202F)."
    [Fact]
    public void Unicode_spaces_are_whitespace()
    {
        Assert.Equal("""{"a":1}""", HoconText.Json("\u00A0a\u2007=\u202F1"));
    }

    // "in this spec "newline" refers only and specifically to ASCII newline 0x000A."
    [Fact]
    public void Carriage_return_line_feed_ends_a_field_like_a_newline()
    {
        Assert.Equal("""{"a":1,"b":2}""", HoconText.Json("a = 1\r\nb = 2\r\n"));
    }
}
