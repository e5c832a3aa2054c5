using ActorMap.Runtime.Event;
using Microsoft.Extensions.Logging;

namespace ActorMap.TestKit;

/// <summary>
/// Builds expectations on what the system logs or dead-letters while a block of test code runs:
/// <c>EventFilter.Exception&lt;DivideByZeroException&gt;().ExpectOne(() =&gt; worker.Tell(0))</c>.
/// </summary>
public sealed class EventFilterFactory(TestKitBase kit)
{
    /// <summary>An Error log event whose cause is a <typeparamref name="TException"/>.</summary>
    public EventFilter Exception<TException>(string? contains = null, string? source = null)
        where TException : Exception =>
        Log(LogLevel.Error, contains, source, typeof(TException));

    public EventFilter Error(string? contains = null, string? source = null) => Log(LogLevel.Error, contains, source, null);

    public EventFilter Warning(string? contains = null, string? source = null) => Log(LogLevel.Warning, contains, source, null);

    public EventFilter Info(string? contains = null, string? source = null) => Log(LogLevel.Information, contains, source, null);

    /// <summary>A dead letter carrying a <typeparamref name="TMessage"/>.</summary>
    public EventFilter DeadLetter<TMessage>(Func<TMessage, bool>? isMessage = null) =>
        new(kit, typeof(DeadLetter), e => e is DeadLetter d && d.Message is TMessage m && (isMessage is null || isMessage(m)),
            $"dead letter of {typeof(TMessage).Name}");

    private EventFilter Log(LogLevel level, string? contains, string? source, Type? exceptionType)
    {
        var description = $"{level} log event" + (exceptionType is null ? "" : $" with {exceptionType.Name}")
                          + (contains is null ? "" : $" containing '{contains}'") + (source is null ? "" : $" from {source}");
        return new EventFilter(kit, typeof(LogEvent), e =>
            e is LogEvent log && log.Level == level
            && (exceptionType is null || exceptionType.IsInstanceOfType(log.Cause))
            && (contains is null || log.Message.Contains(contains, StringComparison.Ordinal)
                || (log.Cause?.Message.Contains(contains, StringComparison.Ordinal) ?? false))
            && (source is null || log.LogSource.Contains(source, StringComparison.Ordinal)),
            description);
    }
}
