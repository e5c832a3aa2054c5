using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Api;

/// <summary>ToJson and ToHocon render the resolved tree and parse back to it.</summary>
public class RenderingSpec
{
    private const string Sample = """
        a { b = 1, "c.d" = "x\ny", e = [true, null, 2.5] }
        "" = empty
        "include" = kw
        n = ${a.b}
        """;

    [Fact]
    public void ToJson_renders_valid_json_of_the_resolved_tree()
    {
        var json = HoconText.Parse(Sample).ToJson(indented: false);

        Assert.Equal("""{"a":{"b":1,"c.d":"x\ny","e":[true,null,2.5]},"":"empty","include":"kw","n":1}""", json);
        using var document = System.Text.Json.JsonDocument.Parse(json);
    }

    [Fact]
    public void ToHocon_parses_back_to_the_same_tree()
    {
        var config = HoconText.Parse(Sample);

        TreeAssert.Equal(config, HoconText.Parse(config.ToHocon()));
    }

    [Fact]
    public void Indented_json_parses_back_to_the_same_tree()
    {
        var config = HoconText.Parse(Sample);

        TreeAssert.Equal(config, HoconText.Parse(config.ToJson()));
    }
}
