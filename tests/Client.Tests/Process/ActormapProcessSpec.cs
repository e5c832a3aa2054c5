using System.Diagnostics;
using ActorMap.Client.Tests.Support;

namespace ActorMap.Client.Tests.Process;

/// <summary>The built console as a user runs it: a real process, from the repository root.</summary>
[Trait("Category", "Process")]
public sealed class ActormapProcessSpec : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("actormap-process-spec-cache-").FullName;

    [Fact]
    public async Task Actormap_SumOfSquares_PrintsTheSumAndExits0()
    {
        var result = await RunAsync("map", "x => x * x", "--range", "0..1000000", "--reduce", "sum");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("333332833333500000", result.LastLine);
    }

    [Fact]
    public async Task Actormap_DivisionByZeroAtElement500_Exits1NamingElementAndException()
    {
        var result = await RunAsync("map", "x => 100 / (x - 500)", "--range", "0..1000");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("element 500", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("DivideByZeroException", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actormap_CacheHit_DoesNotLoadRoslyn()
    {
        var first = await RunAsync("map", "x => x + 1", "--range", "0..1000", "--reduce", "sum");
        var second = await RunAsync("map", "x => x + 1", "--range", "0..1000", "--reduce", "sum");

        Assert.Contains("roslyn loaded: yes", first.Stderr, StringComparison.Ordinal);
        Assert.Contains("lambda from cache", second.Stderr, StringComparison.Ordinal);
        Assert.Contains("roslyn loaded: no", second.Stderr, StringComparison.Ordinal);
        Assert.Equal("500500", second.LastLine);
    }

    private async Task<CliResult> RunAsync(params string[] args)
    {
        var root = RepositoryRoot.Find();
        var dll = ActormapDll(root);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ACTORMAP_CACHE_DIR"] = _cache;
        start.Environment["ACTORMAP_DIAGNOSTICS"] = "1";
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static string ActormapDll(string root)
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var dll = Path.Combine(root, "src", "Client", "bin", configuration, "net10.0", "actormap.dll");
        Assert.True(File.Exists(dll), $"build src/Client first: {dll} is missing");
        return dll;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_cache, recursive: true);
        }
        catch (IOException)
        {
            // A scratch directory left in /tmp is harmless.
        }
    }
}
