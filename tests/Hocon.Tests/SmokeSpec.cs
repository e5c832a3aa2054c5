namespace ActorMap.Hocon.Tests;

public class SmokeSpec
{
    [Fact]
    public void Config_type_exists() => Assert.NotNull(typeof(HoconConfig));
}
