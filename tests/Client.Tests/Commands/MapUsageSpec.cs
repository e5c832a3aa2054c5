using ActorMap.Client.Tests.Support;

namespace ActorMap.Client.Tests.Commands;

/// <summary>Bad usage exits 2 with a message saying what and where, and runs nothing.</summary>
public class MapUsageSpec
{
    [Theory]
    [InlineData("--workers", "0", "--workers must be at least 1, got 0")]
    [InlineData("--workers", "-3", "--workers must be at least 1, got -3")]
    [InlineData("--chunk-size", "0", "--chunk-size must be at least 1, got 0")]
    [InlineData("--chunk-size", "-1", "--chunk-size must be at least 1, got -1")]
    [InlineData("--chunk-size", "many", "--chunk-size must be an integer, got 'many'")]
    [InlineData("--balancing", "fastest", "--balancing must be round-robin or pull, got 'fastest'")]
    [InlineData("--reduce", "avg", "unknown --reduce 'avg'")]
    [InlineData("--range", "10..1", "--range must be A..B")]
    public async Task Map_BadOption_ExitsWith2NamingIt(string option, string value, string message)
    {
        using var cli = new Cli();
        var args = option == "--range"
            ? new[] { "map", "x => x", option, value }
            : new[] { "map", "x => x", "--range", "0..10", option, value };

        var result = await cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Map_BothRangeAndInput_ExitsWith2()
    {
        using var cli = new Cli();

        var result = await cli.PipeAsync("[1]", "map", "x => x", "--range", "0..10", "--input", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("exactly one of --range", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_NeitherRangeNorInput_ExitsWith2()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => x");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("exactly one of --range", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_MalformedJson_ExitsWith2NamingLineAndColumn()
    {
        using var cli = new Cli();
        var input = cli.File("bad.json", "[1,\n 2,\n x]");

        var result = await cli.RunAsync("map", "x => x", "--input", input);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bad.json:3:2:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_MissingInputFile_ExitsWith2()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => x", "--input", "absent.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("absent.json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_LambdaThatDoesNotCompile_ExitsWith2NamingTheColumnInTheLambda()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => x.Foo", "--range", "0..10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("FUNCTION:1:8: CS1061", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_LambdaWithASyntaxError_ExitsWith2NamingTheColumn()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => x +", "--range", "0..10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("FUNCTION:1:9:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_ReduceLambdaThatDoesNotCompile_ExitsWith2NamingTheColumnInTheReduce()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => x", "--range", "0..10", "--reduce", "(a, b) => a.Length");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("REDUCE:1:13: CS1061", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_SumOfStrings_ExitsWith2()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => x.ToString()", "--range", "0..10", "--reduce", "sum");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("sum needs numeric results", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_UnknownOption_ExitsWith2()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => x", "--range", "0..10", "--colour", "blue");

        Assert.Equal(2, result.ExitCode);
    }
}
