using ActorMap.Hosting.Api;
using ActorMap.Hosting.Nodes;

namespace ActorMap.Hosting.Tests.Api;

public sealed class ApiLimitsSpec
{
    private static string ClusterHocon()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorMap.sln")))
            {
                return Path.Combine(dir.FullName, "cluster.hocon");
            }
        }
        throw new DirectoryNotFoundException("ActorMap.sln not found above the test's directory");
    }

    [Fact]
    public void From_ReferenceConf_GivesTheDocumentedDefaults()
    {
        var config = NodeConfig.Load(null, new Dictionary<string, string>(), lookForDefaultFile: false);

        Assert.Equal(ApiLimits.Default, ApiLimits.From(config));
        Assert.Equal(TimeSpan.FromSeconds(15), config.GetTimeSpan("akka.remote.dot-netty.tcp.connection-timeout"));
    }

    [Fact]
    public void From_ClusterHoconWithEnvironmentOverrides_TakesEveryUserFacingLimit()
    {
        var environment = new Dictionary<string, string>
        {
            ["ACTORMAP_MAX_ELEMENTS_PER_JOB"] = "5000",
            ["ACTORMAP_MAX_CONCURRENT_JOBS"] = "3",
            ["ACTORMAP_MAX_LAMBDA_LENGTH"] = "999",
            ["ACTORMAP_MAX_CONNECTIONS"] = "7",
            ["ACTORMAP_HANDSHAKE_TIMEOUT"] = "4s",
            ["ACTORMAP_CONNECTION_TIMEOUT"] = "6s",
            ["ACTORMAP_MAXIMUM_FRAME_SIZE"] = "32MiB",
        };

        var config = NodeConfig.Load(ClusterHocon(), new Dictionary<string, string>(), environment.GetValueOrDefault);
        var settings = NodeSettings.From(config, NodeRole.Seed);

        Assert.Equal(ApiLimits.Default with
        {
            MaxElementsPerJob = 5000, MaxConcurrentJobs = 3, MaxLambdaLength = 999, MaxConnections = 7, HandshakeTimeout = TimeSpan.FromSeconds(4),
        }, settings.Limits);
        Assert.Equal(32L * 1024 * 1024, settings.MaximumFrameSize);
        Assert.Equal(TimeSpan.FromSeconds(6), settings.AkkaConfig().GetTimeSpan("akka.remote.dot-netty.tcp.connection-timeout"));
    }

    [Theory]
    [InlineData("max-elements-per-job", "0", "actormap.api.limits.max-elements-per-job must be at least 1, got 0")]
    [InlineData("max-concurrent-jobs", "-1", "actormap.api.limits.max-concurrent-jobs must be at least 1, got -1")]
    [InlineData("max-message-size", "1KiB", "actormap.api.limits.max-message-size must be between 64KiB and 2GiB, got 1024 bytes")]
    [InlineData("handshake-timeout", "0s", "actormap.api.limits.handshake-timeout must be a positive duration")]
    public void From_AValueOutOfRange_IsRefusedNamingItsKey(string key, string value, string message)
    {
        var config = NodeConfig.Load(null, new Dictionary<string, string> { [ApiLimits.Key(key)] = value }, lookForDefaultFile: false);

        var error = Assert.Throws<ArgumentException>(() => ApiLimits.From(config));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
