using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Comments".</summary>
public class CommentsSpec
{
    // "Anything between // or # and the next newline is considered a comment and ignored"
    [Fact]
    public void Hash_and_double_slash_comments_are_ignored_to_the_end_of_the_line()
    {
        Assert.Equal("""{"a":1,"b":2}""", HoconText.Json("# top\na = 1 // trailing\n// whole line\nb = 2 # more"));
    }

    // "unless the // or # is inside a quoted string."
    [Fact]
    public void Comment_markers_inside_quoted_strings_are_text()
    {
        Assert.Equal("""{"a":"x // y # z"}""", HoconText.Json("a = \"x // y # z\""));
    }

    // A comment may sit between a key and its separator, as in equiv01/comments.conf.
    [Fact]
    public void Comment_between_key_and_separator_is_allowed()
    {
        Assert.Equal("""{"a":1}""", HoconText.Json("a # why\n: 1"));
    }

    // A single slash does not start a comment, so unquoted paths keep it.
    [Fact]
    public void Single_slash_is_part_of_an_unquoted_string()
    {
        Assert.Equal("""{"path":"/usr/bin"}""", HoconText.Json("path = /usr/bin"));
    }
}
