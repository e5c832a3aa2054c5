using System.Text.Json;
using ActorMap.Client.Tests.Support;

namespace ActorMap.Client.Tests.Configuration;

public class ConfigCommandSpec
{
    private const string File = """
        actormap.compute {
          retries-per-chunk = 4
          retries-per-chunk = ${?ACTORMAP_RETRIES_PER_CHUNK}
        }
        akka.remote.dot-netty.tcp.port = 4153
        """;

    [Fact]
    public async Task Config_Json_ShowsDefaultsTheFileAndAnEnvironmentOverride()
    {
        using var cli = new Cli().Set("ACTORMAP_RETRIES_PER_CHUNK", "7");
        cli.File("cluster.hocon", File);

        var result = await cli.RunAsync("config", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var actormap = json.RootElement.GetProperty("actormap");
        Assert.Equal("7", actormap.GetProperty("compute").GetProperty("retries-per-chunk").ToString());
        Assert.Equal("4153", json.RootElement.GetProperty("akka").GetProperty("remote").GetProperty("dot-netty").GetProperty("tcp").GetProperty("port").ToString());
        Assert.Equal("4080", actormap.GetProperty("api").GetProperty("port").ToString());
        Assert.Equal("round-robin", actormap.GetProperty("compute").GetProperty("balancing").ToString());
    }

    [Fact]
    public async Task Config_WithoutAnyFile_ShowsTheLibraryDefaultsAsHocon()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("config");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("split-brain-resolver", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("max-chunks-in-flight-per-worker", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_Raw_ShowsTheFileAloneResolved()
    {
        using var cli = new Cli();
        cli.File("my.hocon", File);

        var result = await cli.RunAsync("config", "--raw", "--json", "--file", "my.hocon");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var actormap = json.RootElement.GetProperty("actormap");
        Assert.Equal("4", actormap.GetProperty("compute").GetProperty("retries-per-chunk").ToString());
        Assert.False(actormap.TryGetProperty("api", out _));
    }

    [Fact]
    public async Task Config_BadFile_ExitsWith2NamingFileLineAndColumn()
    {
        using var cli = new Cli();
        cli.File("broken.hocon", "actormap {\n  port = 1\n  = 2\n}\n");

        var result = await cli.RunAsync("config", "--file", "broken.hocon");

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"broken\.hocon:3:\d+: ", result.Stderr);
    }

    [Fact]
    public async Task Config_MissingFile_ExitsWith2()
    {
        using var cli = new Cli();

        var result = await cli.RunAsync("config", "--file", "absent.hocon");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("absent.hocon", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_ConfigFile_GivesTheDefaultsFlagsOverride()
    {
        using var cli = new Cli();
        cli.File("cluster.hocon", "actormap.compute { workers = 3, default-chunk-size = 25 }");

        var fromFile = await cli.RunAsync("map", "x => x", "--range", "0..100");
        var fromFlags = await cli.RunAsync("map", "x => x", "--range", "0..100", "--workers", "2", "--chunk-size", "50");

        Assert.Contains("100 elements, 4 chunks, 3 workers", fromFile.Stderr, StringComparison.Ordinal);
        Assert.Contains("100 elements, 2 chunks, 2 workers", fromFlags.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_InvalidConfigValue_ExitsWith2NamingTheKey()
    {
        using var cli = new Cli();
        cli.File("cluster.hocon", "actormap.compute.max-chunks-in-flight-per-worker = 0");

        var result = await cli.RunAsync("map", "x => x", "--range", "0..10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("actormap.compute.max-chunks-in-flight-per-worker", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_Akka_ShowsWhatASeedHandsAkka_ResolvedWithTheEnvironment()
    {
        using var cli = new Cli().Set("ACTORMAP_CLUSTER_NAME", "prod-map");
        cli.File("cluster.hocon", """
            akka.remote.dot-netty.tcp.port = 4053
            akka.remote.dot-netty.tcp.port = ${?ACTORMAP_PORT}
            akka.cluster.roles = ${akka.cluster.roles} [gpu-free]
            """);
        cli.Set("ACTORMAP_PORT", "5000");

        var result = await cli.RunAsync("config", "--akka", "seed");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("${", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"port\s*:\s*5000", result.Stdout);
        Assert.Matches(@"roles\s*:\s*\[\s*seed\s*,\s*gpu-free\s*\]", result.Stdout);
        Assert.Contains("SeedSideDowningProvider", result.Stdout, StringComparison.Ordinal);
    }
}
