using ActorMap.Runtime.Actor;

namespace ActorMap.TestKit.Tests;

public class ReceiveOneSpec : TestKit
{
    [Fact]
    public void ReceiveOne_WhenNothingArrives_ReturnsNull() =>
        Assert.Null(ReceiveOne(TimeSpan.FromMilliseconds(200)));

    [Fact]
    public void ReceiveOne_WhenAMessageIsQueued_ReturnsItAndSetsLastSender()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));

        Send(echo, 7);

        Assert.Equal(7, ReceiveOne());
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public async Task ReceiveOneAsync_WhenNothingArrives_ReturnsNull() =>
        Assert.Null(await ReceiveOneAsync(TimeSpan.FromMilliseconds(200)));
}
