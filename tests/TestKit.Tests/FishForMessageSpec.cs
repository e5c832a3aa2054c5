using ActorMap.Runtime.Actor;

namespace ActorMap.TestKit.Tests;

public class FishForMessageSpec : TestKit
{
    [Fact]
    public void FishForMessage_WhenAMatchFollowsOthers_SkipsThemAndReturnsTheMatch()
    {
        TestActor.Tell(1, ActorRefs.NoSender);
        TestActor.Tell(2, ActorRefs.NoSender);
        TestActor.Tell("found", ActorRefs.NoSender);
        TestActor.Tell("after", ActorRefs.NoSender);

        Assert.Equal("found", FishForMessage(m => m is string));
        ExpectMsg("after");
    }

    [Fact]
    public void FishForMessage_WhenNoMatchArrives_FailsNamingTheSkipped()
    {
        TestActor.Tell(1, ActorRefs.NoSender);
        TestActor.Tell(2, ActorRefs.NoSender);

        var e = Assert.Throws<TestKitAssertionException>(() => FishForMessage(m => m is string, TimeSpan.FromMilliseconds(300)));

        Assert.Contains("[1, 2]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FishForMessageAsync_WhenAMatchFollowsOthers_ReturnsTheMatch()
    {
        TestActor.Tell(1, ActorRefs.NoSender);
        TestActor.Tell("found", ActorRefs.NoSender);

        Assert.Equal("found", await FishForMessageAsync(m => m is string));
    }

    [Fact]
    public async Task FishForMessageAsync_WhenNoMatchArrives_Fails()
    {
        TestActor.Tell(1, ActorRefs.NoSender);

        await Assert.ThrowsAsync<TestKitAssertionException>(() => FishForMessageAsync(m => m is string, TimeSpan.FromMilliseconds(300)));
    }
}
