using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "Config object merging and file merging" (WithFallback).</summary>
public class ConfigObjectMergingSpec
{
    // "it should work as if the two objects were duplicate values for the same key in the same file."
    [Fact]
    public void Fallback_merges_like_duplicate_keys()
    {
        var config = HoconText.Parse("a { x = 1 }").WithFallback(HoconText.Parse("a { x = 0, y = 2 }, b = 3"));

        TreeAssert.Equal(HoconText.Parse("a : { x : 1, y : 2 }, b = 3"), config);
    }

    // "{ a : { x : 1 } } (first priority), { a : 42 } (fallback), { a : { y : 2 } } (another fallback). The result would be { a : { x : 1 } }."
    [Fact]
    public void Intermediate_non_object_hides_later_objects()
    {
        var config = HoconText.Parse("a : { x : 1 }").WithFallback(HoconText.Parse("a : 42")).WithFallback(HoconText.Parse("a : { y : 2 }"));

        Assert.Equal("""{"a":{"x":1}}""", config.ToJson(indented: false));
    }

    // "Now the result would be { a : { x : 1, y : 2 } } because the two objects are adjacent."
    [Fact]
    public void Adjacent_objects_merge_across_fallbacks()
    {
        var config = HoconText.Parse("a : { x : 1 }").WithFallback(HoconText.Parse("a : { y : 2 }")).WithFallback(HoconText.Parse("a : 42"));

        TreeAssert.Equal(HoconText.Parse("a : { x : 1, y : 2 }"), config);
    }

    // Akka's layering: overrides, then the file, then the built-in defaults, resolved once all are stacked.
    [Fact]
    public void Unresolved_layers_resolve_against_the_whole_stack()
    {
        var defaults = HoconConfig.ParseUnresolved("timeout = 5s\nretry = ${timeout}\nloggers = [console]", HoconOptions.WithoutEnvironment);
        var file = HoconConfig.ParseUnresolved("timeout = 10s\nloggers = ${loggers} [file]", HoconOptions.WithoutEnvironment);

        var config = file.WithFallback(defaults).Resolve();

        Assert.Equal(TimeSpan.FromSeconds(10), config.GetTimeSpan("retry"));
        Assert.Equal(["console", "file"], config.GetStringList("loggers"));
    }
}
