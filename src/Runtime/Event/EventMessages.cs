using ActorMap.Runtime.Actor;
using Microsoft.Extensions.Logging;

namespace ActorMap.Runtime.Event;

/// <summary>A message that could not be delivered: its target was stopped, or never existed.</summary>
public sealed record DeadLetter(object Message, IActorRef Sender, IActorRef Recipient);

/// <summary>A message an actor received but did not handle.</summary>
public sealed record UnhandledMessage(object Message, IActorRef Sender, IActorRef Recipient);

/// <summary>A log line from an actor or the runtime, published on the event stream before it reaches ILogger.</summary>
public sealed record LogEvent(LogLevel Level, string LogSource, Type LogClass, string Message, Exception? Cause = null)
{
    public override string ToString() =>
        Cause is null ? $"[{Level}] [{LogSource}] {Message}" : $"[{Level}] [{LogSource}] {Message}: {Cause}";
}
