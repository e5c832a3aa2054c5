using ActorMap.Functions;
using ActorMap.Functions.Input;
using ActorMap.Client.Input;

namespace ActorMap.Client.Tests.Input;

public class JsonInputReaderSpec
{
    [Theory]
    [InlineData("[1, 2, -3]", nameof(ElementKind.Long))]
    [InlineData("[1, 2.5]", nameof(ElementKind.Double))]
    [InlineData("[1e3]", nameof(ElementKind.Double))]
    [InlineData("[\"a\"]", nameof(ElementKind.String))]
    [InlineData("[[1, 2], []]", nameof(ElementKind.LongRow))]
    [InlineData("[[1], [0.5]]", nameof(ElementKind.DoubleRow))]
    [InlineData("[[\"a\"], [\"b\", \"c\"]]", nameof(ElementKind.StringRow))]
    [InlineData("[]", nameof(ElementKind.Long))]
    public void Read_Array_TakesTheElementTypeFromItsValues(string json, string expected)
    {
        Assert.Equal(expected, JsonInputReader.Read(json, "in").Kind.ToString());
    }

    [Fact]
    public void Read_Rows_KeepsEachRowsValues()
    {
        var input = JsonInputReader.Read("[[1,5,9],[4,8,2]]", "in");

        var rows = Assert.IsType<long[][]>(input.Items);
        Assert.Equal([4L, 8, 2], rows[1]);
    }

    [Theory]
    [InlineData("[1, \"a\"]", "element 1 is a string")]
    [InlineData("[true]", "element 0 is a boolean")]
    [InlineData("[[1], 2]", "element 1 is a number")]
    [InlineData("[[[1]]]", "element 0, item 0 is an array inside a row")]
    [InlineData("{\"a\": 1}", "expected a JSON array")]
    public void Read_UnsupportedShape_ThrowsAUsageErrorSayingWhere(string json, string message)
    {
        var error = Assert.Throws<UsageException>(() => JsonInputReader.Read(json, "in"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedJson_NamesSourceLineAndColumnOneBased()
    {
        var error = Assert.Throws<UsageException>(() => JsonInputReader.Read("[1,\n  2 3]", "data.json"));

        Assert.StartsWith("data.json:2:5: malformed JSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", error.Message, StringComparison.Ordinal);
    }
}
