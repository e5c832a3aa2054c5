using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Path expressions" and "Paths as keys".</summary>
public class PathExpressionsSpec
{
    // "foo.bar."hello.world" would be a path with three elements, looking up key foo, key bar, then key hello.world."
    [Fact]
    public void Dots_inside_quotes_are_not_separators()
    {
        Assert.Equal("""{"foo":{"bar":{"hello.world":1}}}""", HoconText.Json("foo.bar.\"hello.world\" = 1"));
    }

    // "10.0foo is a number then unquoted string foo and should be the two-element path with 10 and 0foo as the elements."
    [Fact]
    public void Number_in_a_key_splits_at_its_dot()
    {
        Assert.Equal("""{"10":{"0foo":1}}""", HoconText.Json("10.0foo = 1"));
    }

    // "foo"10.0" is an unquoted then a quoted string which are concatenated, so this is a single-element path."
    [Fact]
    public void Quoted_part_joins_the_unquoted_element()
    {
        Assert.Equal("""{"foo10.0":1}""", HoconText.Json("foo\"10.0\" = 1"));
    }

    // "a.\"\".b is a valid path with three elements" / "But a..b is invalid and should generate an error."
    [Fact]
    public void Empty_elements_must_be_quoted()
    {
        Assert.Equal("""{"a":{"":{"b":1}}}""", HoconText.Json("a.\"\".b = 1"));
        Assert.Throws<HoconParseException>(() => HoconText.Parse("a..b = 1"));
        Assert.Throws<HoconParseException>(() => HoconText.Parse(".a = 1"));
        Assert.Throws<HoconParseException>(() => HoconText.Parse("a. = 1"));
    }

    // "foo.bar : 42 is equivalent to: foo { bar : 42 }"
    [Fact]
    public void Dotted_key_expands_to_nested_objects()
    {
        Assert.Equal(HoconText.Json("foo { bar { baz : 42 } }"), HoconText.Json("foo.bar.baz : 42"));
    }

    // "a.x : 42, a.y : 43 is equivalent to: a { x : 42, y : 43 }"
    [Fact]
    public void Dotted_keys_merge()
    {
        Assert.Equal(HoconText.Json("a { x : 42, y : 43 }"), HoconText.Json("a.x : 42, a.y : 43"));
    }

    // "a b c : 42 is equivalent to: "a b c" : 42"
    [Fact]
    public void Whitespace_inside_a_key_is_kept()
    {
        Assert.Equal("""{"a b c":42}""", HoconText.Json("a b c : 42"));
    }

    // "true : 42 is "true" : 42" / "3.14 : 42 is "3" : { "14" : 42 }"
    [Fact]
    public void Keys_are_always_strings()
    {
        Assert.Equal("""{"true":42,"3":{"14":42}}""", HoconText.Json("true : 42\n3.14 : 42"));
    }

    [Fact]
    public void Getter_paths_use_the_same_syntax()
    {
        var config = HoconText.Parse("\"a.b\" { c = 1 }\na { b = 2 }");

        Assert.Equal(1, config.GetInt("\"a.b\".c"));
        Assert.Equal(2, config.GetInt("a.b"));
    }
}
