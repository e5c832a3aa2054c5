using System.Text.Json;
using ActorMap.Client.Tests.Support;

namespace ActorMap.Client.Tests.Configuration;

/// <summary>The repository's cluster.hocon: actormap.compute.supervision and its environment overrides.</summary>
public class SupervisionSettingsSpec
{
    private static readonly string s_clusterHocon = Path.Combine(RepositoryRoot.Find(), "cluster.hocon");

    [Fact]
    public async Task ClusterHocon_EnvironmentOverrides_SetTheDefaultDirectiveTheRetriesAndTheWindow()
    {
        using var cli = new Cli().Set("ACTORMAP_SUPERVISION", "escalate").Set("ACTORMAP_RETRIES_PER_CHUNK", "5").Set("ACTORMAP_RETRY_WINDOW", "30s");

        var result = await cli.RunAsync("config", "--json", "--file", s_clusterHocon);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var supervision = json.RootElement.GetProperty("actormap").GetProperty("compute").GetProperty("supervision");
        Assert.Equal(("escalate", "5", "30s"),
            (supervision.GetProperty("default").ToString(), supervision.GetProperty("max-retries").ToString(), supervision.GetProperty("within").ToString()));
    }

    [Fact]
    public async Task ClusterHocon_SupervisionFromTheEnvironment_IsTheJobsUnlessAFlagSaysOtherwise()
    {
        using var cli = new Cli().Set("ACTORMAP_SUPERVISION", "escalate");
        string[] map = ["map", "x => x == 3 ? throw new FormatException(\"three\") : x", "--range", "0..10", "--file", s_clusterHocon];

        var escalated = await cli.RunAsync(map);
        var restarted = await cli.RunAsync([.. map, "--supervision", "restart"]);

        Assert.Contains("after 1 attempt", escalated.Stderr, StringComparison.Ordinal);
        Assert.Contains("after 3 attempts", restarted.Stderr, StringComparison.Ordinal);
    }
}
