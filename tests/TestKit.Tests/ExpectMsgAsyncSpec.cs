using ActorMap.Runtime.Actor;

namespace ActorMap.TestKit.Tests;

public class ExpectMsgAsyncSpec : TestKit
{
    private static readonly TimeSpan s_short = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task ExpectMsgAsync_WhenMessageOfTypeArrives_ReturnsIt()
    {
        TestActor.Tell("hello", ActorRefs.NoSender);

        Assert.Equal("hello", await ExpectMsgAsync<string>());
    }

    [Fact]
    public async Task ExpectMsgAsync_WhenNothingArrives_FailsWithTimeout()
    {
        var e = await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<string>(s_short));

        Assert.StartsWith("Timeout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsgAsync_WhenWrongType_Fails()
    {
        TestActor.Tell(42, ActorRefs.NoSender);

        await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<string>());
    }

    [Fact]
    public async Task ExpectMsgAsync_WhenPredicateDoesNotMatch_Fails()
    {
        TestActor.Tell("hello", ActorRefs.NoSender);

        await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync<string>(s => s.Length == 1));
    }

    [Fact]
    public async Task ExpectMsgAsync_WhenValueIsNotEqual_Fails()
    {
        TestActor.Tell("hello", ActorRefs.NoSender);

        await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectMsgAsync("bye"));
    }

    [Fact]
    public async Task ExpectMsgAsync_WhenValueIsEqual_ReturnsItAndSetsLastSender()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");

        Send(echo, "ping");

        Assert.Equal("ping", await ExpectMsgAsync("ping"));
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public async Task ExpectNoMsgAsync_WhenAMessageArrives_Fails()
    {
        TestActor.Tell("surprise", ActorRefs.NoSender);

        await Assert.ThrowsAsync<TestKitAssertionException>(() => ExpectNoMsgAsync(s_short));
    }

    [Fact]
    public async Task ExpectNoMsgAsync_WhenNothingArrives_Passes()
    {
        await ExpectNoMsgAsync(s_short);

        Assert.Equal(0, QueuedMessageCount);
    }
}
