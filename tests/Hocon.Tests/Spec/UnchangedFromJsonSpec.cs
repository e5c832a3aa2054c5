using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Unchanged from JSON".</summary>
public class UnchangedFromJsonSpec
{
    // "quoted strings are in the same format as JSON strings"
    [Fact]
    public void Json_escapes_are_decoded()
    {
        Assert.Equal("q\" b\\ s/ \b\f\n\r\t A", HoconText.Parse("a = \"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u0041\"").GetString("a"));
    }

    // "allowed number formats matches JSON"
    [Fact]
    public void Numbers_read_as_int_long_and_double()
    {
        var config = HoconText.Parse("i = 42, l = 9007199254740993, d = -1.5e3, z = 0");

        Assert.Equal(42, config.GetInt("i"));
        Assert.Equal(9_007_199_254_740_993L, config.GetLong("l"));
        Assert.Equal(-1500.0, config.GetDouble("d"));
        Assert.Equal(0, config.GetInt("z"));
    }

    [Fact]
    public void Invalid_escape_is_an_error_with_its_position()
    {
        var error = Assert.Throws<HoconParseException>(() => HoconText.Parse("a = \"x\\qy\""));

        Assert.Equal(1, error.Line);
        Assert.Equal(7, error.Column);
    }

    [Fact]
    public void Plain_json_document_parses()
    {
        Assert.Equal("""{"a":[1,{"b":null}],"c":"d"}""", HoconText.Json("""{"a":[1,{"b":null}],"c":"d"}"""));
    }
}
