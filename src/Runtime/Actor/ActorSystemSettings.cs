using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorMap.Runtime.Actor;

/// <summary>
/// How an actor system runs. Validated once at creation; nothing reads these per message
/// except the dispatcher's throughput.
/// </summary>
public sealed partial record ActorSystemSettings
{
    public static readonly ActorSystemSettings Default = new();

    /// <summary>Messages an actor processes per turn before yielding its thread; Akka's default is 30.</summary>
    public int Throughput { get; init; } = 30;

    /// <summary>
    /// Queue a woken mailbox on the current worker's local queue: the sender's thread often picks
    /// it up next with warm caches; idle workers still steal it.
    /// </summary>
    public bool PreferLocalQueue { get; init; } = true;

    /// <summary>The clock of the scheduler, Ask timeouts and supervision windows; a manual clock in tests.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>The least severe level actors' loggers publish.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>How many dead letters are logged before logging them stops.</summary>
    public int LogDeadLetters { get; init; } = 10;

    /// <summary>The timeout of an Ask that names none; infinite, as in Akka.</summary>
    public TimeSpan AskTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    internal void Validate()
    {
        if (Throughput < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Throughput), Throughput, "throughput must be at least 1");
        }
        if (LogDeadLetters < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LogDeadLetters), LogDeadLetters, "log-dead-letters must not be negative");
        }
        if (AskTimeout <= TimeSpan.Zero && AskTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(AskTimeout), AskTimeout, "ask-timeout must be positive or infinite");
        }
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(LoggerFactory);
    }
}
