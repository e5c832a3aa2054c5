using ActorMap.Hocon;
using ActorMap.Runtime.Actor;
using Microsoft.Extensions.Logging;

namespace ActorMap.Runtime.Tests.Actor;

public class ActorSystemSettingsSpec
{
    [Fact]
    public void FromConfig_EmptyConfig_GivesTheDefaultsOfTheRecord()
    {
        // reference.conf and the record's initialisers state the same defaults twice; this keeps them equal.
        var settings = ActorSystemSettings.FromConfig(HoconConfig.Empty);

        Assert.Equal(ActorSystemSettings.Default, settings);
    }

    [Fact]
    public void FromConfig_OverriddenKeys_AreRead()
    {
        var config = HoconConfig.Parse("""
            actormap.actor {
              throughput = 5
              prefer-local-queue = off
              log-dead-letters = 0
              ask-timeout = 3s
              log-level = warning
            }
            """);

        var settings = ActorSystemSettings.FromConfig(config);

        Assert.Equal(5, settings.Throughput);
        Assert.False(settings.PreferLocalQueue);
        Assert.Equal(0, settings.LogDeadLetters);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.AskTimeout);
        Assert.Equal(LogLevel.Warning, settings.LogLevel);
    }

    [Theory]
    [InlineData("throughput = 0", "actormap.actor.throughput")]
    [InlineData("log-dead-letters = -1", "actormap.actor.log-dead-letters")]
    [InlineData("ask-timeout = 0s", "actormap.actor.ask-timeout")]
    [InlineData("log-level = loud", "actormap.actor.log-level")]
    public void FromConfig_OutOfRangeValue_ThrowsNamingTheFullKeyPath(string line, string key)
    {
        var config = HoconConfig.Parse($"actormap.actor {{ {line} }}");

        var error = Assert.Throws<ArgumentException>(() => ActorSystemSettings.FromConfig(config));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfig_WrongType_ThrowsNamingTheFullKeyPath()
    {
        var config = HoconConfig.Parse("actormap.actor.throughput = lots");

        var error = Assert.Throws<HoconTypeException>(() => ActorSystemSettings.FromConfig(config));

        Assert.Equal("actormap.actor.throughput", error.Path);
    }
}
