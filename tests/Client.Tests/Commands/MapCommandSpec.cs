using System.Text.Json;
using ActorMap.Client.Tests.Support;

namespace ActorMap.Client.Tests.Commands;

public class MapCommandSpec
{
    [Fact]
    public async Task Map_RangeWithReduceSum_PrintsTheSumAsTheLastLine()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => x * x", "--range", "0..1000000", "--reduce", "sum");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("333332833333500000", result.LastLine);
    }

    [Fact]
    public async Task Map_WithoutReduce_PrintsEveryResultAsAJsonArrayInInputOrder()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => x * 3", "--range", "0..1000", "--chunk-size", "7", "--workers", "3", "--balancing", "pull");

        Assert.True(result.ExitCode == 0, result.ToString());
        var values = JsonSerializer.Deserialize<long[]>(result.Stdout)!;
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i * 3L), values);
    }

    [Fact]
    public async Task Map_InputFile_MapsItsElements()
    {
        using var cli = new Cli();
        var input = cli.File("numbers.json", "[3, 1, 2]");

        var result = await cli.RunAsync("map", "x => x + 1", "--input", input);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("[4,2,3]", result.Stdout.Trim());
    }

    [Fact]
    public async Task Map_InputDash_ReadsStdin()
    {
        using var cli = new Cli();

        var result = await cli.PipeAsync("[10, 20]", "map", "x => x / 10", "--input", "-");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("[1,2]", result.Stdout.Trim());
    }

    [Fact]
    public async Task Map_RowsInput_GivesTheLambdaAnArrayPerRow()
    {
        using var cli = new Cli();

        var result = await cli.PipeAsync("[[1,5,9],[4,8,2]]", "map", "row => row.Count(v => v >= 4 && v <= 8)", "--input", "-");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("[1,2]", result.Stdout.Trim());
    }

    [Fact]
    public async Task Map_NumbersWithAFraction_AreDoubles()
    {
        using var cli = new Cli();

        var result = await cli.PipeAsync("[1, 2.5]", "map", "x => x * 2", "--input", "-");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("[2,5]", result.Stdout.Trim());
    }

    [Fact]
    public async Task Map_Strings_AreStringsAndResultsMayBeAnyType()
    {
        using var cli = new Cli();

        var result = await cli.PipeAsync("""["ab", "cde", "ü"]""", "map", "s => s.ToUpperInvariant() + s.Length", "--input", "-");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""["AB2","CDE3","Ü1"]""", result.Stdout.Trim());
    }

    [Theory]
    [InlineData("sum", "25")]
    [InlineData("min", "1")]
    [InlineData("max", "9")]
    [InlineData("count", "5")]
    public async Task Map_BuiltInReduce_ReducesTheResults(string reduce, string expected)
    {
        using var cli = new Cli();

        var result = await cli.PipeAsync("[5, 1, 9, 3, 7]", "map", "x => x", "--input", "-", "--reduce", reduce, "--chunk-size", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, result.LastLine);
    }

    [Fact]
    public async Task Map_ReduceCountOfABoolFunction_CountsTheTrueResults()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => x % 3 == 0", "--range", "0..10", "--reduce", "count");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("4", result.LastLine);
    }

    [Theory]
    [InlineData("sum", "0")]
    [InlineData("count", "0")]
    public async Task Map_SumOrCountOfAnEmptyInput_IsZero(string reduce, string expected)
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => x", "--range", "5..5", "--reduce", reduce);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, result.LastLine);
    }

    [Fact]
    public async Task Map_MinOfAnEmptyInput_FailsTheJobWithExit1()
    {
        using var cli = new Cli();

        var result = await cli.PipeAsync("[]", "map", "x => x", "--input", "-", "--reduce", "min");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("empty input has no value", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Map_LambdaReduce_FoldsInInputOrderEvenWhenNotCommutative()
    {
        using var cli = new Cli();
        var letters = JsonSerializer.Serialize(Enumerable.Range(0, 26).Select(i => ((char)('a' + i)).ToString()));

        var result = await cli.PipeAsync(letters, "map", "s => s.ToUpperInvariant()", "--input", "-", "--reduce", "(a, b) => a + b", "--chunk-size", "3", "--workers", "4");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("\"ABCDEFGHIJKLMNOPQRSTUVWXYZ\"", result.LastLine);
    }

    [Fact]
    public async Task Map_ElementThrows_ExitsWith1NamingTheElementTheExceptionAndTheWorkerStack()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => 100 / (x - 500)", "--range", "0..1000");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("element 500", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("System.DivideByZeroException", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("worker-side stack trace", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Map_Output_WritesTheJsonArrayToTheFileAndNothingToStdout()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => -x", "--range", "0..4", "--output", "out.json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Stdout);
        Assert.Equal("[0,-1,-2,-3]", File.ReadAllText(cli.PathOf("out.json")).Trim());
    }

    [Fact]
    public async Task Map_OutputOfAFailedJob_LeavesNoFileBehind()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => 1 / (x - 2)", "--range", "0..4", "--output", "out.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(Directory.GetFiles(cli.WorkingDirectory));
    }

    [Fact]
    public async Task Map_Success_PrintsAOneLineSummaryOnStderr()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => x", "--range", "0..100", "--workers", "2", "--chunk-size", "10");

        Assert.True(result.ExitCode == 0, result.ToString());
        var summary = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("100 elements, 10 chunks, 2 workers", summary, StringComparison.Ordinal);
        Assert.Contains("elements/s", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_Cancelled_ExitsWith130AndPrintsNoResult()
    {
        using var cli = new Cli();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var result = await cli.RunAsync("", cancel.Token, "map", "x => x", "--range", "0..1000000", "--output", "out.json");

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("cancelled", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(cli.WorkingDirectory));
    }

    [Fact]
    public async Task Help_ExitsWith0AndNamesTheVerbs()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("map", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("config", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoVerb_ExitsWith2()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync();

        Assert.Equal(2, result.ExitCode);
    }
}
