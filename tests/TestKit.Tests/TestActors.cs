using System.Runtime.CompilerServices;
using ActorMap.Runtime.Actor;
using ActorMap.Runtime.Event;

namespace ActorMap.TestKit.Tests;

/// <summary>Replies every message to its sender.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(m => Sender.Tell(m, Self));
}

/// <summary>Takes every message and never answers: an Ask to it can only time out.</summary>
internal sealed class SilentActor : ReceiveActor
{
    public SilentActor() => ReceiveAny(_ => { });
}

/// <summary>Replies 100 / n, so 0 makes it throw <see cref="DivideByZeroException"/>.</summary>
internal sealed class DividingActor : ReceiveActor
{
    public DividingActor() => Receive<int>(n => Sender.Tell(100 / n, Self));
}

/// <summary>Logs each string it receives at the level named by the prefix ("error:", "info:").</summary>
internal sealed class LoggingActor : ReceiveActor
{
    public LoggingActor()
    {
        var log = Context.GetLogger();
        Receive<string>(s => s.StartsWith("error:", StringComparison.Ordinal), s => log.Error(s["error:".Length..]));
        Receive<string>(s => s.StartsWith("info:", StringComparison.Ordinal), s => log.Info(s["info:".Length..]));
        Receive<Exception>(e => log.Error(e, "failed while working"));
    }
}

/// <summary>Watches <c>subject</c> from PreStart and reports "watching" and then its Terminated to <c>report</c>.</summary>
internal sealed class WatchingActor : ReceiveActor
{
    private readonly IActorRef _subject;
    private readonly IActorRef _report;

    public WatchingActor(IActorRef subject, IActorRef report)
    {
        _subject = subject;
        _report = report;
        Receive<Terminated>(t => _report.Tell(t, Self));
    }

    protected override void PreStart()
    {
        Context.Watch(_subject);
        _report.Tell("watching", Self);
    }
}

/// <summary>Counts "tick" messages into a shared counter the test can read from its own thread.</summary>
internal sealed class CountingActor : ReceiveActor
{
    public CountingActor(StrongBox<int> count) =>
        Receive<string>(s => s == "tick", _ => Interlocked.Increment(ref count.Value));
}
