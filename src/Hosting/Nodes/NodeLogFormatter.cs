using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace ActorMap.Hosting.Nodes;

/// <summary>
/// One line per event: time, level, category, message. Akka's own prefix (level, date and thread
/// again) is cut to its source, and an exception shows as its type and message: the events a node
/// logs with one (a peer that vanished, a refused handshake) are expected, not bugs to debug.
/// </summary>
internal sealed partial class NodeLogFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "actormap";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception) ?? "";
        message = AkkaPrefix().Replace(message, "[$1] ", 1);
        var level = logEntry.LogLevel;
        if (level == LogLevel.Error && IsExpected(message))
        {
            // A peer that went away or failed its TLS handshake: what a cluster does, not a fault of this node.
            level = LogLevel.Warning;
        }
        textWriter.Write(DateTime.Now.ToString("HH:mm:ss.fff ", System.Globalization.CultureInfo.InvariantCulture));
        textWriter.Write(Level(level));
        textWriter.Write(": ");
        textWriter.Write(logEntry.Category);
        textWriter.Write(' ');
        textWriter.Write(OneLine(message));
        if (logEntry.Exception is { } exception)
        {
            textWriter.Write($" ({exception.GetType().Name}: {OneLine(exception.Message)})");
        }
        textWriter.WriteLine();
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };

    private static bool IsExpected(string message) =>
        message.Contains("Disassociated", StringComparison.Ordinal)
        || message.Contains("TLS handshake failed", StringComparison.Ordinal)
        || message.Contains("Association with remote system", StringComparison.Ordinal);

    // Stack frames go: the message says what happened, and these events are expected.
    private static string OneLine(string text) =>
        string.Join(' ', text.ReplaceLineEndings("\n").Split('\n')
            .Where(line => !line.TrimStart().StartsWith("at ", StringComparison.Ordinal) && !line.TrimStart().StartsWith("--- End of", StringComparison.Ordinal))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0));

    // [INFO][12/02/2026 00:59:38.984Z][Thread 0001][remoting (akka://actormap)] Starting remoting
    [GeneratedRegex(@"^\[[A-Z]+\]\[[^\]]*\]\[Thread \d+\]\[([^\]]*)\]\s*")]
    private static partial Regex AkkaPrefix();
}
