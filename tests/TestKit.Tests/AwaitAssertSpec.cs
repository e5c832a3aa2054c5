using System.Runtime.CompilerServices;
using ActorMap.Runtime.Actor;

namespace ActorMap.TestKit.Tests;

public class AwaitAssertSpec : TestKit
{
    [Fact]
    public void AwaitAssert_WhenAnActorMakesItTrueLater_RetriesUntilItPasses()
    {
        var ticks = new StrongBox<int>();
        var counter = Sys.ActorOf(Props.Create(() => new CountingActor(ticks)));
        var attempts = 0;

        // Each attempt sends one tick and the assertion needs three, so the first two attempts must fail.
        AwaitAssert(() =>
        {
            attempts++;
            counter.Tell("tick", ActorRefs.NoSender);
            Assert.True(Volatile.Read(ref ticks.Value) >= 3);
        }, interval: TimeSpan.FromMilliseconds(10));

        Assert.True(attempts >= 3);
    }

    [Fact]
    public void AwaitAssert_WhenItNeverPasses_RethrowsTheLastFailure()
    {
        var attempts = 0;

        var e = Assert.Throws<InvalidOperationException>(() => AwaitAssert(
            () => throw new InvalidOperationException($"attempt {++attempts}"),
            TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(20)));

        Assert.True(attempts > 1);
        Assert.Equal($"attempt {attempts}", e.Message);
    }

    [Fact]
    public async Task AwaitAssertAsync_WhenAnActorMakesItTrueLater_RetriesUntilItPasses()
    {
        var ticks = new StrongBox<int>();
        var counter = Sys.ActorOf(Props.Create(() => new CountingActor(ticks)));
        var attempts = 0;

        await AwaitAssertAsync(() =>
        {
            attempts++;
            counter.Tell("tick", ActorRefs.NoSender);
            Assert.True(Volatile.Read(ref ticks.Value) >= 3);
        }, interval: TimeSpan.FromMilliseconds(10));

        Assert.True(attempts >= 3);
    }

    [Fact]
    public async Task AwaitAssertAsync_WhenItNeverPasses_RethrowsTheLastFailure()
    {
        var attempts = 0;

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => AwaitAssertAsync(
            async () =>
            {
                await Task.Yield();
                throw new InvalidOperationException($"attempt {++attempts}");
            },
            TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(20)));

        Assert.Equal($"attempt {attempts}", e.Message);
    }

    [Fact]
    public void AwaitCondition_WhenAnActorMakesItTrueLater_Returns()
    {
        var ticks = new StrongBox<int>();
        var counter = Sys.ActorOf(Props.Create(() => new CountingActor(ticks)));
        for (var i = 0; i < 100; i++)
        {
            counter.Tell("tick", ActorRefs.NoSender);
        }

        AwaitCondition(() => Volatile.Read(ref ticks.Value) == 100);

        Assert.Equal(100, Volatile.Read(ref ticks.Value));
    }

    [Fact]
    public void AwaitCondition_WhenItNeverHolds_FailsWithTheMessage()
    {
        var e = Assert.Throws<TestKitAssertionException>(() =>
            AwaitCondition(() => false, TimeSpan.FromMilliseconds(200), message: "workers idle"));

        Assert.Contains("workers idle", e.Message, StringComparison.Ordinal);
    }
}
