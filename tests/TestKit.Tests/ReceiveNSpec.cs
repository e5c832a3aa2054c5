using ActorMap.Runtime.Actor;

namespace ActorMap.TestKit.Tests;

public class ReceiveNSpec : TestKit
{
    [Fact]
    public void ReceiveN_WhenEnoughArrive_ReturnsThemInOrderAndLeavesTheRest()
    {
        for (var i = 1; i <= 4; i++)
        {
            TestActor.Tell(i, ActorRefs.NoSender);
        }

        Assert.Equal([1, 2, 3], ReceiveN(3));
        ExpectMsg(4);
    }

    [Fact]
    public void ReceiveN_WhenFewerArrive_Fails()
    {
        TestActor.Tell(1, ActorRefs.NoSender);
        TestActor.Tell(2, ActorRefs.NoSender);

        var e = Assert.Throws<TestKitAssertionException>(() => ReceiveN(3, TimeSpan.FromMilliseconds(300)));

        Assert.Contains("got 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveNAsync_WhenEnoughArrive_ReturnsThemInOrder()
    {
        TestActor.Tell("a", ActorRefs.NoSender);
        TestActor.Tell("b", ActorRefs.NoSender);

        Assert.Equal(["a", "b"], await ReceiveNAsync(2));
    }

    [Fact]
    public async Task ReceiveNAsync_WhenFewerArrive_Fails()
    {
        TestActor.Tell("a", ActorRefs.NoSender);

        await Assert.ThrowsAsync<TestKitAssertionException>(() => ReceiveNAsync(2, TimeSpan.FromMilliseconds(300)));
    }
}
