using ActorMap.Client.Tests.Support;

namespace ActorMap.Client.Tests.Commands;

/// <summary>map --assembly misused: exit 2, a message naming the file or listing what was meant, nothing run.</summary>
public class MapAssemblyUsageSpec
{
    private static readonly string s_harmonic = HarmonicLibrary.DllPath;

    [Fact]
    public async Task Map_MissingMethod_ListsTheTypesPublicStaticMethods()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "--assembly", s_harmonic, "--function", "Harmonic.Series.Digits", "--range", "0..10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Harmonic.Series has no public static method Digits", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("  long DenominatorDigits(long)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("  long Longest(long, long)", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Map_MissingType_ListsMethodsOfThatNameElsewhere()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "--assembly", s_harmonic, "--function", "Series.DenominatorDigits", "--range", "0..10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Harmonic.dll has no type Series", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("types named Series:\n  Harmonic.Series", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("  long Harmonic.Series.DenominatorDigits(long)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_ReducerAsFunction_ExitsWith2NamingTheExpectedShape()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "--assembly", s_harmonic, "--function", "Harmonic.Series.Longest", "--range", "0..10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Harmonic.Series.Longest must take one long (the input's elements) and return a value: TOut Longest(long)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("found:\n  long Longest(long, long)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_InputOfAnotherElementType_ExitsWith2NamingIt()
    {
        using var cli = new Cli();

        var result = await cli.PipeAsync("[1.5]", "map", "--assembly", s_harmonic, "--function", "Harmonic.Series.Value", "--input", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("must take one double", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_ReducerOfTheWrongShape_ExitsWith2NamingTheExpectedShape()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "--assembly", s_harmonic, "--function", "Harmonic.Series.DenominatorDigits", "--range", "0..10", "--reduce", "Count");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--reduce: Harmonic.Series.Count must combine two results of DenominatorDigits into one: long Count(long, long)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("  Histogram Count(Histogram, long)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_LambdaReduceWithAssembly_ExitsWith2SayingToUseAStaticMethod()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "--assembly", s_harmonic, "--function", "Harmonic.Series.DenominatorDigits", "--range", "0..10", "--reduce", "(a, b) => a + b");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("a lambda cannot see the types of --assembly; use", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("public static method", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_MissingDll_ExitsWith2NamingIt()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "--assembly", "bin/Absent.dll", "--function", "A.B.C", "--range", "0..10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--assembly: 'bin/Absent.dll' does not exist", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_FileThatIsNotAnAssembly_ExitsWith2NamingIt()
    {
        using var cli = new Cli();
        var notDll = cli.File("notes.dll", "not a PE file");

        var result = await cli.RunAsync("map", "--assembly", notDll, "--function", "A.B.C", "--range", "0..10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--assembly: 'notes.dll' is not a .NET assembly", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_DependencyMissingFromTheFolder_ExitsWith2NamingIt()
    {
        using var cli = new Cli();
        // Harmonic.dll and its deps.json without Fractions.dll: a library built without CopyLocalLockFileAssemblies.
        var folder = Directory.CreateDirectory(cli.PathOf("lib")).FullName;
        File.Copy(s_harmonic, Path.Combine(folder, "Harmonic.dll"));
        File.Copy(Path.ChangeExtension(s_harmonic, ".deps.json"), Path.Combine(folder, "Harmonic.deps.json"));

        var result = await cli.RunAsync("map", "--assembly", "lib/Harmonic.dll", "--function", "Harmonic.Series.DenominatorDigits", "--range", "0..10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--assembly: 'lib/Harmonic.dll' needs Fractions", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Map_FunctionLambdaAndAssembly_ExitsWith2()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "x => x", "--assembly", s_harmonic, "--function", "Harmonic.Series.Value", "--range", "0..10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("give FUNCTION (a lambda) or --assembly with --function, not both", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--function", "Harmonic.Series.Value", "--function names a method of --assembly DLL")]
    [InlineData("--assembly", "Harmonic.dll", "--assembly needs --function Namespace.Type.Method")]
    public async Task Map_OneOfAssemblyAndFunctionAlone_ExitsWith2(string option, string value, string message)
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", option, value, "--range", "0..10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_AssemblyWithAnUnreachableSeed_FailsNamingTheSeed()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "--assembly", s_harmonic, "--function", "Harmonic.Series.Value", "--range", "0..10", "--seed", "127.0.0.1:1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot reach the seed's client endpoint at 127.0.0.1:1", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_AssemblyWithSeed_ChecksTheMethodBeforeContactingTheSeed()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("map", "--assembly", s_harmonic, "--function", "Harmonic.Series.Nope", "--range", "0..10", "--seed", "127.0.0.1:1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("DenominatorDigits", result.Stderr, StringComparison.Ordinal);
    }
}
