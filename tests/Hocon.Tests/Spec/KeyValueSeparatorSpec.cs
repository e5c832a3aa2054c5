using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Key-value separator".</summary>
public class KeyValueSeparatorSpec
{
    // "The = character can be used anywhere JSON allows :, i.e. to separate keys from values."
    [Fact]
    public void Equals_and_colon_are_interchangeable()
    {
        Assert.Equal(HoconText.Json("a : 1, b : x"), HoconText.Json("a = 1, b = x"));
    }

    // "If a key is followed by {, the : or = may be omitted. So "foo" {} means "foo" : {}"
    [Fact]
    public void Separator_may_be_omitted_before_an_open_brace()
    {
        Assert.Equal("""{"foo":{"a":1}}""", HoconText.Json("\"foo\" { a = 1 }"));
    }

    [Fact]
    public void Key_without_separator_or_brace_is_an_error_naming_what_was_expected()
    {
        var error = Assert.Throws<HoconParseException>(() => HoconText.Parse("a 1"));

        Assert.Contains("expected ':', '=', '+=' or '{'", error.Message, StringComparison.Ordinal);
    }
}
