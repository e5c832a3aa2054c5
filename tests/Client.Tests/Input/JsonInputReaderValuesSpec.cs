using ActorMap.Client.Input;
using ActorMap.Functions;

namespace ActorMap.Client.Tests.Input;

/// <summary>The values read, when the kind is only settled late in the text, and which error wins.</summary>
public class JsonInputReaderValuesSpec
{
    [Fact]
    public void Read_LongsThenADouble_GivesEveryValueAsADouble()
    {
        var input = JsonInputReader.Read("[1, -2, 9007199254740993, 3.5]", "in");

        Assert.Equal([1.0, -2.0, 9007199254740993.0, 3.5], Assert.IsType<double[]>(input.Items));
    }

    [Fact]
    public void Read_RowsWithADoubleInTheLastRow_GivesEveryRowAsDoubles()
    {
        var input = JsonInputReader.Read("[[1, 2], [], [3, 4.5]]", "in");

        var rows = Assert.IsType<double[][]>(input.Items);
        Assert.Equal([1.0, 2.0], rows[0]);
        Assert.Empty(rows[1]);
        Assert.Equal([3.0, 4.5], rows[2]);
    }

    [Fact]
    public void Read_NegativeZeroBeforeTheFirstDouble_StaysANegativeZero()
    {
        var input = JsonInputReader.Read("[-0, 0.5]", "in");

        var values = Assert.IsType<double[]>(input.Items);
        Assert.True(double.IsNegative(values[0]), "-0 read as +0");
    }

    [Fact]
    public void Read_IntegersBeyondLong_AreDoubles()
    {
        var input = JsonInputReader.Read("[1, 12345678901234567890]", "in");

        Assert.Equal([1.0, 12345678901234567890.0], Assert.IsType<double[]>(input.Items));
    }

    [Fact]
    public void Read_LongsAtTheEndsOfTheRange_KeepTheirValues()
    {
        var input = JsonInputReader.Read("[9223372036854775807, -9223372036854775808, 999999999999999999, -0, 0]", "in");

        Assert.Equal([long.MaxValue, long.MinValue, 999_999_999_999_999_999, 0, 0], Assert.IsType<long[]>(input.Items));
    }

    [Fact]
    public void Read_EscapedStrings_AreUnescaped()
    {
        var input = JsonInputReader.Read("""[["a\u00e9\n", "\ud83d\ude00"], []]""", "in");

        var rows = Assert.IsType<string[][]>(input.Items);
        Assert.Equal(["a\u00e9\n", "\U0001F600"], rows[0]);
        Assert.Empty(rows[1]);
    }

    [Fact]
    public void Read_MixedKindsThenMalformedJson_ReportsTheMalformedJson()
    {
        var error = Assert.Throws<UsageException>(() => JsonInputReader.Read("[1, \"a\",\n 2 3]", "in"));

        Assert.StartsWith("in:2:4: malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AnObjectThenTrailingText_ReportsTheMalformedJson()
    {
        var error = Assert.Throws<UsageException>(() => JsonInputReader.Read("{\"a\": 1} x", "in"));

        Assert.StartsWith("in:1:10: malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[[1, 2], [3, \"a\"]]", "element 1, item 1 is a string where earlier elements make it a number")]
    [InlineData("[[1], [2, {}]]", "element 1, item 1 is an object")]
    [InlineData("[1, 2.5, [3]]", "element 2 is an array where earlier elements make it a number")]
    [InlineData("[\"a\", 1.5]", "element 1 is a number where earlier elements make it a string")]
    public void Read_AProblemAfterTheKindIsSettled_NamesTheElement(string json, string message)
    {
        var error = Assert.Throws<UsageException>(() => JsonInputReader.Read(json, "in"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ManyRows_KeepsEveryRowInOrder()
    {
        var json = "[" + string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"[{i},{-i},{i * 7}]")) + "]";

        var rows = Assert.IsType<long[][]>(JsonInputReader.Read(json, "in").Items);

        Assert.Equal(10_000, rows.Length);
        Assert.Equal([9_999L, -9_999, 69_993], rows[^1]);
    }
}
