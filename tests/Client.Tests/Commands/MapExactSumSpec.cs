using System.Numerics;
using ActorMap.Client.Tests.Support;

namespace ActorMap.Client.Tests.Commands;

/// <summary>--reduce sum of integers is exact, as in Python: it widens instead of overflowing.</summary>
public class MapExactSumSpec
{
    [Fact]
    public async Task Map_SumOfSquaresPastLongMaxValue_PrintsTheExactSum()
    {
        using var cli = new Cli();
        const long n = 10_000_000;
        // Σ x² for x in 0..n-1 = (n-1)·n·(2n-1)/6.
        var expected = (BigInteger)(n - 1) * n * (2 * n - 1) / 6;

        var result = await cli.RunAsync("map", "x => x * x", "--range", $"0..{n}", "--reduce", "sum");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("333333283333335000000", expected.ToString());
        Assert.Equal(expected.ToString(), result.LastLine);
    }

    [Theory]
    [InlineData("[9223372036854775807, 9223372036854775807]", "18446744073709551614")]
    [InlineData("[-9223372036854775808, -9223372036854775808, -1]", "-18446744073709551617")]
    [InlineData("[9223372036854775807, 1, -2]", "9223372036854775806")]
    public async Task Map_SumOfLongsThatOverflowsLong_PrintsTheExactSum(string input, string expected)
    {
        using var cli = new Cli();

        var result = await cli.PipeAsync(input, "map", "x => x", "--input", "-", "--reduce", "sum", "--chunk-size", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, result.LastLine);
    }

    [Fact]
    public async Task Map_SumOfIntResultsPastIntMaxValue_PrintsTheExactSum()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => int.MaxValue", "--range", "0..3", "--reduce", "sum");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal((3L * int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture), result.LastLine);
    }

    [Fact]
    public async Task Map_SumOfInt128ResultsPastInt128_PrintsAPlainJsonNumber()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => Int128.MaxValue", "--range", "0..3", "--reduce", "sum");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(((BigInteger)Int128.MaxValue * 3).ToString(), result.LastLine);
    }

    [Fact]
    public async Task Map_SumOfDoubles_StaysADouble()
    {
        using var cli = new Cli();

        var result = await cli.PipeAsync("[0.5, 0.25]", "map", "x => x", "--input", "-", "--reduce", "sum");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("0.75", result.LastLine);
    }
}
