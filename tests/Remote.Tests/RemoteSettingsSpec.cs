using ActorMap.Hocon;

namespace ActorMap.Remote.Tests;

public sealed class RemoteSettingsSpec
{
    [Fact]
    public void FromConfig_EmptyConfig_GivesTheReferenceDefaults()
    {
        var settings = RemoteSettings.FromConfig(HoconConfig.Empty);

        Assert.Equal("0.0.0.0", settings.Hostname);
        Assert.Equal(0, settings.Port);
        Assert.Null(settings.ClusterName);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.HandshakeTimeout);
        Assert.Equal(16 * 1024 * 1024, settings.MaximumFrameSize);
    }

    [Fact]
    public void FromConfig_Overrides_AreRead()
    {
        var settings = RemoteSettings.FromConfig(HoconConfig.Parse("""
            actormap.cluster.name = prod
            actormap.remote { hostname = 10.0.0.5, port = 4053, public-hostname = seed.example, address-terminated-grace = 3s }
            """));

        Assert.Equal("prod", settings.ClusterName);
        Assert.Equal("10.0.0.5", settings.Hostname);
        Assert.Equal(4053, settings.Port);
        Assert.Equal("seed.example", settings.PublicHostname);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.AddressTerminatedGrace);
    }

    [Fact]
    public void FromConfig_PortOutOfRange_NamesTheFullKey()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            RemoteSettings.FromConfig(HoconConfig.Parse("actormap.remote.port = 70000")));

        Assert.Contains("actormap.remote.port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_SetSecret_IsNotPrinted()
    {
        var text = new RemoteSettings { Secret = "hunter2" }.ToString();

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
    }
}
