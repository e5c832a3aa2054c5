using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Spec;

/// <summary>HOCON.md, "The += field separator".</summary>
public class PlusEqualsFieldSeparatorSpec
{
    // "a += b becomes: a = ${?a} [b]"
    [Fact]
    public void Plus_equals_appends_to_the_earlier_array()
    {
        Assert.Equal(["x", "y", "z"], HoconText.Parse("a = [x]\na += y\na += z").GetStringList("a"));
    }

    // "allows a += b to be the first mention of a in the file"
    [Fact]
    public void Plus_equals_may_be_the_first_mention()
    {
        Assert.Equal(["b"], HoconText.Parse("a += b").GetStringList("a"));
    }

    // "If the previous value was not an array, an error will result"
    [Fact]
    public void Plus_equals_on_a_non_array_is_an_error()
    {
        Assert.Throws<HoconSubstitutionException>(() => HoconText.Parse("a = 1\na += 2"));
    }

    [Fact]
    public void Plus_equals_works_inside_nested_objects()
    {
        Assert.Equal([1, 2], HoconText.Parse("x { a = [1] }\nx { a += 2 }").GetStringList("x.a").Select(int.Parse));
    }
}
