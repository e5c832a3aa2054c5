using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Api;

/// <summary>Typed getters, defaults, HasPath and GetConfig on the resolved tree.</summary>
public class GettersSpec
{
    private static readonly HoconConfig s_config = HoconText.Parse("""
        app {
          name = demo
          port = 8080
          ratio = 0.75
          enabled = on
          hosts = [a, b, 10]
          timeout = 5s
          buffer = 64 KiB
          nothing = null
          ref = ${app.port}
        }
        """);

    [Fact]
    public void Getters_read_values_of_each_type()
    {
        Assert.Equal("demo", s_config.GetString("app.name"));
        Assert.Equal(8080, s_config.GetInt("app.port"));
        Assert.Equal(8080L, s_config.GetLong("app.ref"));
        Assert.Equal(0.75, s_config.GetDouble("app.ratio"));
        Assert.True(s_config.GetBoolean("app.enabled"));
        Assert.Equal(["a", "b", "10"], s_config.GetStringList("app.hosts"));
        Assert.Equal(TimeSpan.FromSeconds(5), s_config.GetTimeSpan("app.timeout"));
        Assert.Equal(65_536, s_config.GetByteSize("app.buffer"));
    }

    [Fact]
    public void Defaults_apply_to_missing_and_null_paths_only()
    {
        Assert.Equal("x", s_config.GetString("app.missing", "x"));
        Assert.Equal(7, s_config.GetInt("app.nothing", 7));
        Assert.Equal(8080, s_config.GetInt("app.port", 1));
        Assert.Equal(3L, s_config.GetLong("nope", 3L));
        Assert.Equal(1.5, s_config.GetDouble("nope", 1.5));
        Assert.False(s_config.GetBoolean("nope", false));
        Assert.Equal(["d"], s_config.GetStringList("nope", ["d"]));
        Assert.Equal(9L, s_config.GetByteSize("nope", 9L));
    }

    [Fact]
    public void Default_overload_still_rejects_a_value_of_the_wrong_type()
    {
        Assert.Throws<HoconTypeException>(() => s_config.GetInt("app.name", 1));
    }

    [Fact]
    public void HasPath_is_false_for_missing_and_null()
    {
        Assert.True(s_config.HasPath("app.port"));
        Assert.False(s_config.HasPath("app.nothing"));
        Assert.False(s_config.HasPath("app.port.deeper"));
    }

    [Fact]
    public void GetConfig_returns_the_subtree_or_empty()
    {
        Assert.Equal(8080, s_config.GetConfig("app").GetInt("port"));
        Assert.False(s_config.GetConfig("nothing.here").HasPath("port"));
        Assert.Throws<HoconTypeException>(() => s_config.GetConfig("app.port"));
    }

    [Fact]
    public void Unresolved_config_resolves_on_first_getter()
    {
        var config = HoconConfig.ParseUnresolved("a = ${b}, b = 1", HoconOptions.WithoutEnvironment);

        Assert.False(config.IsResolved);
        Assert.Equal(1, config.GetInt("a"));
    }

    [Fact]
    public void Empty_has_no_paths()
    {
        Assert.False(HoconConfig.Empty.HasPath("a"));
        Assert.Equal("{}", HoconConfig.Empty.ToJson());
    }
}
