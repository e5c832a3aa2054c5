using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Java properties mapping" (for included .properties files).</summary>
public sealed class JavaPropertiesMappingSpec : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private HoconConfig Include(string properties)
    {
        _dir.Write("p.properties", properties);
        return HoconConfig.Load(_dir.Write("main.conf", "include \"p.properties\""), HoconOptions.WithoutEnvironment);
    }

    // "first split each key on the . character" / "Values from properties files are always strings"
    [Fact]
    public void Keys_split_into_paths_and_values_stay_strings()
    {
        var config = Include("# comment\na.b.c = 42\n! other comment\nflag: true\n");

        Assert.Equal("""{"a":{"b":{"c":"42"}},"flag":"true"}""", config.ToJson(indented: false));
    }

    // "The object must always win in this case"
    [Fact]
    public void Object_wins_over_a_string_at_the_same_path()
    {
        Assert.Equal("""{"a":{"b":"world"}}""", Include("a=hello\na.b=world").ToJson(indented: false));
    }

    [Fact]
    public void Continuation_lines_and_escapes_are_read()
    {
        Assert.Equal("one two\tthree", Include("k = one \\\n    two\\tthree").GetString("k"));
    }
}
