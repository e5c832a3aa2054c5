using System.Collections.Concurrent;
using ActorMap.Hosting.Api;
using ActorMap.Hosting.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorMap.Hosting.Tests.Support;

/// <summary>One logged event of an in-process node, and the text a node's console shows for it.</summary>
internal sealed record LogLine(string Category, LogLevel Level, string Message, Exception? Exception, string Console)
{
    public override string ToString() => Console;
}

/// <summary>
/// Every line the in-process nodes log at Information or above (Debug for the client endpoint), so specs can wait for the line a
/// refused peer causes and check that it is one line naming the peer.
/// </summary>
internal sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => [.. _lines];

    /// <summary>The lines whose console text mentions <paramref name="text"/>, such as a peer's address.</summary>
    public IEnumerable<LogLine> Mentioning(string text) => Lines.Where(l => l.Console.Contains(text, StringComparison.Ordinal));

    /// <summary>Waits until a line mentions <paramref name="text"/>, and returns the lines that do.</summary>
    public async Task<IReadOnlyList<LogLine>> WaitForAsync(string text, TimeSpan timeout)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(Mentioning(text).Any()), timeout,
            $"a log line mentioning '{text}'; the nodes logged:\n{string.Join('\n', Lines.TakeLast(40))}");
        return [.. Mentioning(text)];
    }

    // One formatter for every node, as one process has one console.
    private readonly NodeLogFormatter _formatter = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines, _formatter);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogLine> lines, NodeLogFormatter consoleFormatter) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        // The endpoint's Debug lines too: a silently closed connection is seen by them alone.
        public bool IsEnabled(LogLevel logLevel) => logLevel >= (category == ApiLog.Category ? LogLevel.Debug : LogLevel.Information);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                using var console = new StringWriter();
                consoleFormatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), null, console);
                // Nothing written: the console drops the entry too.
                if (console.GetStringBuilder().Length > 0)
                {
                    lines.Enqueue(new LogLine(category, logLevel, formatter(state, exception), exception, console.ToString()));
                }
            }
        }
    }
}
