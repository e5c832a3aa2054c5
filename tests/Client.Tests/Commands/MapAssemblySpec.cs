using System.Text.Json;
using ActorMap.Client.Tests.Functions;
using ActorMap.Client.Tests.Support;

namespace ActorMap.Client.Tests.Commands;

/// <summary>map --assembly DLL --function Type.Method: a method of a compiled library, run in-process like a lambda.</summary>
public class MapAssemblySpec
{
    private static readonly string s_harmonic = HarmonicLibrary.DllPath;

    // This test assembly, loaded as a user's: its SampleMethods has overloads and a throwing method.
    private static readonly string s_tests = typeof(SampleMethods).Assembly.Location;

    [Fact]
    public async Task Map_AssemblyMethodOverARange_PrintsItsResultsInInputOrder()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "--assembly", s_harmonic, "--function", "Harmonic.Series.DenominatorDigits", "--range", "0..300", "--chunk-size", "7");

        Assert.True(result.ExitCode == 0, result.ToString());
        var expected = Enumerable.Range(0, 300).Select(i => HarmonicLibrary.DenominatorDigits(i));
        Assert.Equal(expected, JsonSerializer.Deserialize<long[]>(result.Stdout)!);
        Assert.Contains("; function Harmonic.Series.DenominatorDigits from Harmonic.dll", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_AssemblyPathRelativeToTheWorkingDirectory_Loads()
    {
        using var cli = new Cli();
        var relative = Path.GetRelativePath(cli.WorkingDirectory, s_harmonic);

        var result = await cli.RunAsync("map", "--assembly", relative, "--function", "Harmonic.Series.DenominatorDigits", "--range", "3..4");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("[2]", result.Stdout.Trim());
    }

    [Fact]
    public async Task Map_ReduceWithAMethodOfTheFunctionsType_ReducesWithIt()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "--assembly", s_harmonic, "--function", "Harmonic.Series.DenominatorDigits", "--range", "0..1000", "--reduce", "Longest");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Enumerable.Range(0, 1000).Max(i => HarmonicLibrary.DenominatorDigits(i)).ToString(System.Globalization.CultureInfo.InvariantCulture), result.LastLine);
        Assert.Contains("reduce Harmonic.Series.Longest", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_ReduceWithTypeDotMethod_FindsTheTypeInTheFunctionsNamespace()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "--assembly", s_harmonic, "--function", "Harmonic.Series.DenominatorDigits", "--range", "0..10", "--reduce", "Series.Longest");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("4", result.LastLine);
    }

    [Fact]
    public async Task Map_ReduceSum_SumsTheMethodsResults()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "--assembly", s_harmonic, "--function", "Harmonic.Series.DenominatorDigits", "--range", "0..1000", "--reduce", "sum");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Enumerable.Range(0, 1000).Sum(i => HarmonicLibrary.DenominatorDigits(i)).ToString(System.Globalization.CultureInfo.InvariantCulture), result.LastLine);
    }

    [Fact]
    public async Task Map_InputOfStrings_PicksTheOverloadTakingAString()
    {
        using var cli = new Cli();

        var result = await cli.PipeAsync("[\"a\", \"b\"]", "map", "--assembly", s_tests, "--function", typeof(SampleMethods).FullName + ".Score", "--input", "-");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("[\"a!\",\"b!\"]", result.Stdout.Trim());
    }

    [Fact]
    public async Task Map_NestedTypeWithPlus_IsFound()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "--assembly", s_tests, "--function", typeof(SampleMethods.Inner).FullName + ".Twice", "--range", "0..3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("[0,2,4]", result.Stdout.Trim());
    }

    [Fact]
    public async Task Map_MethodThatThrows_FailsTheJobAtItsElement()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "--assembly", s_tests, "--function", typeof(SampleMethods).FullName + ".Invert", "--range", "0..10");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("failed at element 5: System.DivideByZeroException", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }
}
