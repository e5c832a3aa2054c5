using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Conformance;

/// <summary>Known values from Lightbend's test01..test06, each file loaded from disk with includes relative to it.</summary>
public class KnownValuesSpec
{
    private static HoconConfig Load(string name, HoconOptions? options = null) =>
        HoconConfig.Load(ConformanceData.File(name), options ?? HoconOptions.Default);

    [ConformanceFact]
    public void Test02_substitutions_with_quoted_and_empty_path_elements_resolve()
    {
        var config = Load("test02.conf");

        Assert.Equal(42, config.GetInt("42_a"));
        Assert.Equal(42, config.GetInt("42_b"));
        Assert.Equal(57, config.GetInt("57_a"));
        Assert.Equal(57, config.GetInt("57_b"));
        Assert.Equal(103, config.GetInt("103_a"));
        Assert.Equal(42, config.GetInt("\"\".\"\".\"\""));
        Assert.Equal(57, config.GetInt("a.b.c"));
        Assert.Equal(57, config.GetInt("\"a\".\"b\".\"c\""));
        Assert.Equal(103, config.GetInt("\"a.b.c\""));
    }

    [ConformanceFact]
    public void Test03_includes_merge_and_fall_back_to_the_including_root()
    {
        var home = Environment.GetEnvironmentVariable("HOME");
        var config = Load("test03.conf");

        Assert.Equal(42, config.GetInt("test01.ints.fortyTwo"));
        Assert.Equal(42, config.GetInt("test01.booleans"));
        Assert.Equal("abc", config.GetString("test01.fromProps.abc"));
        Assert.Equal("A", config.GetString("test01.fromJsonA"));
        Assert.Equal(57, config.GetInt("test02.a.b.c"));
        Assert.Equal("a", config.GetString("equiv01.strings.a"));
        Assert.Equal(42, config.GetInt("test01.ints.fortyTwoAgain"));
        Assert.Equal(["a", "b", "c"], config.GetStringList("test01.arrays.ofString"));
        Assert.Equal(103, config.GetInt("test02.103_a"));
        Assert.Equal("This is in the included file", config.GetString("a"));
        Assert.Equal("This is in the including file", config.GetString("b"));
        Assert.Equal("This is in the included file", config.GetString("subtree.a"));
        Assert.Equal("This is in the including file", config.GetString("subtree.b"));
        if (!string.IsNullOrEmpty(home))
        {
            Assert.Equal(home, config.GetString("test01.system.home"));
        }

        Assert.False(config.HasPath("test01.system.javaversion"));
    }

    [ConformanceFact]
    public void Test04_akka_reference_conf_reads_back()
    {
        var config = Load("test04.conf");

        Assert.Equal("2.0-SNAPSHOT", config.GetString("akka.version"));
        Assert.Equal(8, config.GetInt("akka.event-handler-dispatcher.max-pool-size"));
        Assert.Equal("round-robin", config.GetString("akka.actor.deployment.\"/app/service-ping\".router"));
        Assert.True(config.GetBoolean("akka.stm.quick-release"));
    }

    [ConformanceFact]
    public void Test05_play_style_properties_keys_read_back()
    {
        var config = Load("test05.conf");

        Assert.Equal("prod", config.GetString("%prod.application.mode"));
        Assert.Equal("Yet another blog", config.GetString("blog.title"));
    }

    [ConformanceFact]
    public void Test06_delayed_merges_resolve()
    {
        var config = Load("test06.conf");

        Assert.Equal(2, config.GetInt("x"));
        Assert.Equal(10, config.GetInt("y.foo"));
        Assert.Equal("world", config.GetString("y.hello"));
    }

    [ConformanceFact]
    public void Test01_durations_and_sizes_read_with_units()
    {
        var config = Load("test01.conf");

        Assert.Equal(TimeSpan.FromSeconds(1), config.GetTimeSpan("durations.second"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), config.GetTimeSpan("durations.halfSecond"));
        Assert.Equal(TimeSpan.FromSeconds(1), config.GetTimeSpan("durations.secondAsNumber"));
        var list = config.GetStringList("durations.secondsList");
        Assert.Equal([1, 2, 3, 4], list.Select(s => HoconConfig.Parse("d = \"" + s + "\"").GetTimeSpan("d").TotalSeconds));
        Assert.Equal(1_048_576, config.GetByteSize("memsizes.meg"));
        Assert.Equal(524_288, config.GetByteSize("memsizes.halfMeg"));
        Assert.Equal(1_048_576, config.GetByteSize("memsizes.megAsNumber"));
    }

    [ConformanceTheory]
    [InlineData("bom.conf")]
    [InlineData("file-include.conf")]
    [InlineData("include-from-list.conf")]
    [InlineData("env-variables.conf")]
    [InlineData("test09.conf")]
    [InlineData("test10.conf")]
    [InlineData("test11.conf")]
    [InlineData("test12.conf")]
    [InlineData("test01.conf")]
    public void File_parses_and_resolves(string name)
    {
        var config = Load(name);

        Assert.True(config.IsResolved);
        Assert.NotEmpty(config.ToJson());
    }

    [ConformanceFact]
    public void Bom_conf_skips_the_byte_order_mark()
    {
        Assert.Equal("bar", Load("bom.conf").GetString("foo"));
    }

    [ConformanceFact]
    public void File_include_finds_files_relative_to_each_including_file()
    {
        var config = Load("file-include.conf");

        Assert.Equal(41, config.GetInt("base"));
        Assert.Equal(42, config.GetInt("foo"));
        Assert.Equal(43, config.GetInt("bar"));
        Assert.Equal(44, config.GetInt("bar-file"));
        Assert.Equal(45, config.GetInt("baz"));
    }

    [ConformanceFact]
    public void Env_variables_conf_takes_values_from_the_injected_environment()
    {
        var options = HoconOptions.FromEnvironment(new Dictionary<string, string> { ["SECRET_A"] = "A", ["SECRET_C"] = "C" });

        var config = Load("env-variables.conf", options);

        Assert.Equal("A", config.GetString("secret"));
        Assert.Equal(["C"], config.GetStringList("secrets"));
    }

    [ConformanceFact]
    public void Test09_delayed_merge_objects_resolve_as_lightbend_does()
    {
        var config = Load("test09.conf");

        Assert.Equal(3, config.GetInt("a.c"));
        Assert.Equal(10, config.GetInt("a.q"));
        Assert.Equal(5, config.GetInt("b"));
        Assert.Equal(600, config.GetInt("c.d"));
        Assert.Equal(10, config.GetInt("c.q"));
    }

    [ConformanceFact]
    public void Test10_includes_inside_objects_relativize_substitutions()
    {
        var config = Load("test10.conf");

        Assert.Equal(3, config.GetInt("foo.a.c"));
        Assert.Equal(5, config.GetInt("bar.nested.b"));
    }

    [ConformanceFact]
    public void Include_from_list_includes_inside_an_array_element()
    {
        var config = Load("include-from-list.conf");

        // The included file's ${ints.fortyTwo} is looked up inside the array element first.
        Assert.Contains("\"fortyTwoAgain\": 42", config.ToJson(), StringComparison.Ordinal);
    }
}
