using ActorMap.Hocon;
using ActorMap.Hosting.Dashboard;
using ActorMap.Hosting.Nodes;

namespace ActorMap.Hosting.Tests.Dashboard;

/// <summary>actormap.dashboard and the Seed's --dashboard-port.</summary>
public sealed class DashboardSettingsSpec
{
    [Fact]
    public void From_ShippedDefaults_IsOnAtPort4081()
    {
        var settings = NodeSettings.From(NodeConfig.Load(null, new Dictionary<string, string>(), lookForDefaultFile: false), NodeRole.Seed);

        Assert.Equal(new DashboardSettings(Enabled: true, Port: 4081), settings.Dashboard);
    }

    [Fact]
    public void From_EnabledOff_IsOff()
    {
        var settings = DashboardSettings.From(HoconConfig.Parse("actormap.dashboard { enabled = off, port = 0 }"));

        Assert.False(settings.Enabled);
    }

    [Fact]
    public void From_PortOutOfRange_NamesTheKeyAndValue()
    {
        var error = Assert.Throws<ArgumentException>(() => DashboardSettings.From(HoconConfig.Parse("actormap.dashboard.port = 70000")));

        Assert.Equal("actormap.dashboard.port must be a port (0-65535; 0 picks a free one), got 70000", error.Message);
    }

    [Fact]
    public void Parse_DashboardPortOnTheSeed_OverridesTheKey()
    {
        var line = NodeCommandLine.Parse(["--dashboard-port", "0"], NodeRole.Seed);

        Assert.Equal("0", line.Overrides["actormap.dashboard.port"]);
    }

    [Theory]
    [InlineData(NodeRole.Seed, "--dashboard-port", "web", "--dashboard-port: 'web' is not a port (0-65535)")]
    [InlineData(NodeRole.Worker, "--dashboard-port", "4081", "unknown flag '--dashboard-port'")]
    public void Parse_BadDashboardPort_SaysWhatIsWrong(NodeRole role, string flag, string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => NodeCommandLine.Parse([flag, value], role));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
