using System.Diagnostics;
using ActorMap.Runtime.Actor;

namespace ActorMap.TestKit;

/// <summary>
/// Expectations on the messages an actor under test sends to <see cref="TestActor"/> (or to a
/// probe). Every method has a blocking and an async form; every default timeout is dilated by
/// <see cref="TestKitSettings.TimeFactor"/>.
/// </summary>
public abstract partial class TestKitBase
{
    private static long s_testActorNumber;
    private readonly TestMessageQueue _queue = new();
    private Func<object, bool>? _ignore;
    private long? _deadline;

    protected TestKitBase(ActorSystem system, TestKitSettings settings, string? testActorName = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        Sys = system;
        TestKitSettings = settings;
        var name = testActorName ?? "testActor" + Interlocked.Increment(ref s_testActorNumber);
        TestActor = system.SystemActorOf(Props.Create(() => new TestActor(_queue, () => Volatile.Read(ref _ignore))), name);
    }

    public ActorSystem Sys { get; }

    public TestKitSettings TestKitSettings { get; }

    /// <summary>The actor whose received messages the Expect methods inspect; also the implicit sender of <see cref="Send"/>.</summary>
    public IActorRef TestActor { get; }

    /// <summary>The sender of the last message received by an Expect/Receive method.</summary>
    public IActorRef LastSender { get; private set; } = ActorRefs.NoSender;

    /// <summary>Messages received and not yet inspected.</summary>
    public int QueuedMessageCount => _queue.Count;

    public TimeSpan Dilated(TimeSpan duration) => TestKitSettings.Dilated(duration);

    /// <summary>Time left in the enclosing Within block, or the dilated default outside one.</summary>
    public TimeSpan RemainingOrDefault => _deadline is null ? Dilated(TestKitSettings.SingleExpectDefault) : Remaining;

    /// <summary>Time left in the enclosing Within block; throws outside one.</summary>
    public TimeSpan Remaining => _deadline is { } deadline
        ? Max(TimeSpan.Zero, Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline))
        : throw new InvalidOperationException("Remaining is only defined inside Within");

    /// <summary>An explicit timeout is dilated and capped by an enclosing Within.</summary>
    public TimeSpan RemainingOrDilated(TimeSpan? duration)
    {
        if (duration is null)
        {
            return RemainingOrDefault;
        }
        var dilated = Dilated(duration.Value);
        return _deadline is null || dilated == Timeout.InfiniteTimeSpan ? dilated : Min(dilated, Remaining);
    }

    /// <summary>Drops every message matching <paramref name="shouldIgnore"/> before it is queued.</summary>
    public void IgnoreMessages(Func<object, bool> shouldIgnore) => Volatile.Write(ref _ignore, shouldIgnore);

    public void IgnoreMessages<T>() => IgnoreMessages(m => m is T);

    public void IgnoreNoMessages() => Volatile.Write(ref _ignore, null);

    /// <summary>Sends with <see cref="TestActor"/> as the sender, so replies come back here.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, TestActor);
    }

    /// <summary>Makes <see cref="TestActor"/> watch <paramref name="subject"/>; Terminated will arrive in the queue.</summary>
    public IActorRef Watch(IActorRef subject)
    {
        SendWatchRequest(subject, watch: true).Wait(Dilated(TestKitSettings.SingleExpectDefault));
        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        SendWatchRequest(subject, watch: false).Wait(Dilated(TestKitSettings.SingleExpectDefault));
        return subject;
    }

    private Task SendWatchRequest(IActorRef subject, bool watch)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TestActor.Tell(new WatchRequest(subject, watch, done), ActorRefs.NoSender);
        return done.Task;
    }

    public TestProbe CreateTestProbe(string? name = null) => new(Sys, TestKitSettings, name);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private protected static TestKitAssertionException Failure(string message) => new(message);
}
