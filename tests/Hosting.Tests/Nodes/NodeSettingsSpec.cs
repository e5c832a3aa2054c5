using ActorMap.Hosting.Nodes;
using Microsoft.Extensions.Logging;

namespace ActorMap.Hosting.Tests.Nodes;

public sealed class NodeSettingsSpec
{
    private static string RepositoryFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorMap.sln")))
            {
                return Path.Combine(dir.FullName, name);
            }
        }
        throw new DirectoryNotFoundException("ActorMap.sln not found above the test's directory");
    }

    [Fact]
    public async Task A_node_started_from_cluster_hocon_must_run_Akka_with_its_environment_overrides_resolved()
    {
        var environment = new Dictionary<string, string>
        {
            ["ACTORMAP_PORT"] = "0",
            ["ACTORMAP_CLUSTER_NAME"] = "from-env",
            ["ACTORMAP_FD_THRESHOLD"] = "12.5",
            ["ACTORMAP_SBR_STABLE_AFTER"] = "7s",
            ["ACTORMAP_API_PORT"] = "0",
            ["ACTORMAP_WORKERS"] = "3",
        };
        var config = NodeConfig.Load(RepositoryFile("cluster.hocon"), new Dictionary<string, string>(), environment.GetValueOrDefault);

        await using var seed = await NodeHost.StartAsync(NodeSettings.From(config, NodeRole.Seed), logging => logging.ClearProviders());

        var akka = seed.System.Settings.Config;
        Assert.Equal("from-env", seed.System.Name);
        Assert.Equal(12.5, akka.GetDouble("akka.cluster.failure-detector.threshold"));
        Assert.Equal(TimeSpan.FromSeconds(7), akka.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
        Assert.Equal("ActorMap.Hosting.Downing.SeedSideDowningProvider, ActorMap.Hosting", akka.GetString("akka.cluster.downing-provider-class"));
        Assert.Equal(["seed"], akka.GetStringList("akka.cluster.roles"));
        Assert.Equal(3, akka.GetInt("actormap.worker-dispatcher.dedicated-thread-pool.thread-count"));
        Assert.NotEqual(0, Akka.Cluster.Cluster.Get(seed.System).SelfAddress.Port);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("10.1.2.3")]
    public void A_non_loopback_address_without_TLS_must_be_refused_naming_the_setting(string hostname)
    {
        var config = NodeConfig.Load(null, new Dictionary<string, string> { ["akka.remote.dot-netty.tcp.hostname"] = $"\"{hostname}\"" }, lookForDefaultFile: false);

        var error = Assert.Throws<ArgumentException>(() => NodeSettings.From(config, NodeRole.Seed));

        Assert.Contains($"akka.remote.dot-netty.tcp.hostname = {hostname}", error.Message, StringComparison.Ordinal);
        Assert.Contains("actormap.tls.dir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_loopback_address_without_TLS_must_be_allowed_when_insecure_is_on()
    {
        var config = NodeConfig.Load(null, new Dictionary<string, string>
        {
            ["akka.remote.dot-netty.tcp.hostname"] = "\"0.0.0.0\"",
            ["actormap.api.hostname"] = "\"0.0.0.0\"",
            ["actormap.insecure"] = "on",
        }, lookForDefaultFile: false);

        Assert.True(NodeSettings.From(config, NodeRole.Seed).Insecure);
    }

    [Fact]
    public void A_worker_without_a_seed_must_be_refused()
    {
        var config = NodeConfig.Load(null, new Dictionary<string, string>(), lookForDefaultFile: false);

        var error = Assert.Throws<ArgumentException>(() => NodeSettings.From(config, NodeRole.Worker));

        Assert.Contains("--seed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_flag_must_become_a_seed_node_of_the_clusters_name_and_the_default_port()
    {
        var line = NodeCommandLine.Parse(["--seed", "seed.internal"], NodeRole.Worker);
        var config = NodeConfig.Load(null, new Dictionary<string, string>(line.Overrides) { ["actormap.cluster-name"] = "\"prod\"" }, lookForDefaultFile: false);

        Assert.Equal(["akka.tcp://prod@seed.internal:4053"], config.GetStringList("akka.cluster.seed-nodes"));
    }
}
