using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Includes" (syntax and semantics).</summary>
public sealed class IncludesSpec : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private HoconConfig Load(string main) => HoconConfig.Load(_dir.Write("main.conf", main), HoconOptions.WithoutEnvironment);

    // "The keys from the root object are conceptually substituted for the include statement in the including file."
    [Fact]
    public void Included_keys_merge_in_place_of_the_statement()
    {
        _dir.Write("inc.conf", "a = included\nb { x = 1 }");

        var config = Load("a = before\nb { y = 2 }\ninclude \"inc.conf\"\nc = after");

        Assert.Equal("""{"a":"included","b":{"y":2,"x":1},"c":"after"}""", config.ToJson(indented: false));
    }

    // "if the included file is a relative path, then it should be located relative to the directory containing the including file."
    [Fact]
    public void Nested_includes_are_relative_to_each_including_file()
    {
        _dir.Write("sub/one.conf", "include \"two.conf\"\none = 1");
        _dir.Write("sub/two.conf", "two = 2");

        var config = Load("include file(\"sub/one.conf\")");

        Assert.Equal(2, config.GetInt("two"));
    }

    // "By default, if an included file does not exist then the include statement should be silently ignored"
    [Fact]
    public void Missing_include_is_ignored()
    {
        Assert.Equal("""{"a":1}""", Load("include \"nothere.conf\"\na = 1").ToJson(indented: false));
    }

    // "the name of the included resource may be wrapped with required(), in which case file parsing will fail with an error if the resource cannot be resolved."
    [Fact]
    public void Missing_required_include_is_an_error_at_the_statement()
    {
        var error = Assert.Throws<HoconParseException>(() => Load("a = 1\ninclude required(\"nothere.conf\")"));

        Assert.Equal(2, error.Line);
        Assert.EndsWith("main.conf", error.File, StringComparison.Ordinal);
    }

    // "If a filename has no extension ... If the file exists with multiple extensions, they should all be loaded and merged together."
    [Fact]
    public void Basename_include_merges_properties_then_json_then_conf()
    {
        _dir.Write("x.properties", "v=props\np=1");
        _dir.Write("x.json", "{ \"v\" : \"json\", \"j\" : 2 }");
        _dir.Write("x.conf", "v = conf");

        var config = Load("include \"x\"");

        Assert.Equal("conf", config.GetString("v"));
        Assert.Equal("1", config.GetString("p"));
        Assert.Equal(2, config.GetInt("j"));
    }

    // "if the include is under foo, then ${x} ... must be fixed up to be ${a.x}" and then "look up the original path as well."
    [Fact]
    public void Included_substitutions_look_under_the_include_point_then_at_the_root()
    {
        _dir.Write("foo.conf", "x = 10\ny = ${x}\nz = ${top}");

        var config = Load("top = root\na { include \"foo.conf\" }\na { x = 42 }");

        Assert.Equal(42, config.GetInt("a.y"));
        Assert.Equal("root", config.GetString("a.z"));
    }

    // "If an unquoted include at the start of a key is followed by anything other than a single quoted string ... it is invalid"
    [Fact]
    public void Include_followed_by_an_unquoted_name_is_an_error()
    {
        Assert.Throws<HoconParseException>(() => HoconText.Parse("include foo.conf"));
    }

    // "Unquoted include has no special meaning if it is not the start of a key's path expression."
    [Fact]
    public void Include_elsewhere_is_an_ordinary_string()
    {
        Assert.Equal("""{"foo include":42,"a":"include","b":["include"]}""", HoconText.Json("foo include : 42\na : include\nb = [ include ]"));
    }

    [Fact]
    public void File_including_itself_is_a_cycle_error()
    {
        _dir.Write("b.conf", "include \"main.conf\"");

        var error = Assert.Throws<HoconParseException>(() => Load("include \"b.conf\""));

        Assert.Contains("include cycle: main.conf -> b.conf -> main.conf", error.Message, StringComparison.Ordinal);
    }

    // "An included file must contain an object, not an array."
    [Fact]
    public void Included_array_root_is_an_error()
    {
        _dir.Write("arr.json", "[1, 2]");

        Assert.Throws<HoconParseException>(() => Load("include \"arr.json\""));
    }
}
