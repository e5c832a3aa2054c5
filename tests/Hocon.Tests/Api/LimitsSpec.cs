using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Api;

/// <summary>Hostile input ends in a <see cref="HoconException"/>, never a stack overflow or a hang.</summary>
public class LimitsSpec
{
    [Fact]
    public void Deeply_nested_brackets_are_rejected()
    {
        Assert.Throws<HoconParseException>(() => HoconText.Parse("a = " + new string('[', 100_000)));
        Assert.Throws<HoconParseException>(() => HoconText.Parse(new string('{', 100_000)));
    }

    [Fact]
    public void Very_long_dotted_key_is_rejected()
    {
        Assert.Throws<HoconParseException>(() => HoconText.Parse(string.Join('.', Enumerable.Repeat("a", 10_000)) + " = 1"));
    }

    [Fact]
    public void Long_substitution_chain_is_rejected()
    {
        var text = string.Join('\n', Enumerable.Range(0, 5_000).Select(i => $"k{i} = ${{k{i + 1}}}")) + "\nk5000 = 1";

        Assert.ThrowsAny<HoconException>(() => HoconText.Parse(text));
    }

    [Fact]
    public void Self_doubling_concatenation_is_stopped()
    {
        var text = "a = x\n" + string.Concat(Enumerable.Repeat("a = ${a}${a}\n", 64));

        Assert.ThrowsAny<HoconException>(() => HoconText.Parse(text));
    }

    [Fact]
    public void Many_stacked_self_references_are_rejected()
    {
        var text = "a = []\n" + string.Concat(Enumerable.Repeat("a += 1\n", 5_000));

        Assert.ThrowsAny<HoconException>(() => HoconText.Parse(text));
    }

    [Fact]
    public void Moderate_stacks_of_appends_still_work()
    {
        var text = "a = []\n" + string.Concat(Enumerable.Repeat("a += 1\n", 100));

        Assert.Equal(100, HoconText.Parse(text).GetStringList("a").Count);
    }
}
