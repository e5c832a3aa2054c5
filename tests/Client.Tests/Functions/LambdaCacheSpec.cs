using ActorMap.Functions;
using ActorMap.Client.Tests.Support;

namespace ActorMap.Client.Tests.Functions;

public class LambdaCacheSpec
{
    [Fact]
    public async Task Run_SameLambdaTwice_CompilesOnceThenLoadsFromTheCache()
    {
        using var cli = Cli.WithOwnCache();

        var first = await cli.RunAsync("map", "x => x + 1", "--range", "0..10", "--reduce", "sum");
        var second = await cli.RunAsync("map", "x => x + 1", "--range", "0..10", "--reduce", "sum");

        Assert.Contains("lambda compiled", first.Stderr, StringComparison.Ordinal);
        Assert.Contains("lambda from cache", second.Stderr, StringComparison.Ordinal);
        Assert.Equal("55", second.LastLine);
        Assert.Single(Directory.GetFiles(cli.CacheDirectory, "*.dll"));
    }

    [Fact]
    public async Task Run_SameLambdaOnAnotherElementType_IsAnotherEntry()
    {
        using var cli = Cli.WithOwnCache();

        await cli.RunAsync("map", "x => x", "--range", "0..3");
        var doubles = await cli.PipeAsync("[0.5]", "map", "x => x", "--input", "-");

        Assert.Contains("lambda compiled", doubles.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(cli.CacheDirectory, "*.dll").Length);
    }

    [Fact]
    public async Task Run_CorruptCacheEntry_RecompilesAndRepairsIt()
    {
        using var cli = Cli.WithOwnCache();
        await cli.RunAsync("map", "x => x * 2", "--range", "0..10", "--reduce", "sum");
        var entry = Assert.Single(Directory.GetFiles(cli.CacheDirectory, "*.dll"));
        File.WriteAllBytes(entry, [0x4D, 0x5A, 0x00, 0x01, 0x02]);

        var recovered = await cli.RunAsync("map", "x => x * 2", "--range", "0..10", "--reduce", "sum");
        var after = await cli.RunAsync("map", "x => x * 2", "--range", "0..10", "--reduce", "sum");

        Assert.True(recovered.ExitCode == 0, recovered.ToString());
        Assert.Equal("90", recovered.LastLine);
        Assert.Contains("recompiled", recovered.Stderr, StringComparison.Ordinal);
        Assert.Contains("lambda from cache", after.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LambdaThatDoesNotCompile_LeavesNoCacheEntry()
    {
        using var cli = Cli.WithOwnCache();

        await cli.RunAsync("map", "x => x.Nope", "--range", "0..10");

        Assert.False(Directory.Exists(cli.CacheDirectory) && Directory.GetFiles(cli.CacheDirectory).Length > 0);
    }
}
