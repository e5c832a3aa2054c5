namespace ActorMap.Runtime.Tests;

public class SmokeSpec
{
    [Fact]
    public void Truth() => Assert.True(true);
}
