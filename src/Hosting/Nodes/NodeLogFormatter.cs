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
        textWriter.Write(DateTime.Now.ToString("HH:mm:ss.fff ", System.Globalization.CultureInfo.InvariantCulture));
        textWriter.Write(Level(logEntry.LogLevel));
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

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal);

    // [INFO][12/02/2026 00:59:38.984Z][Thread 0001][remoting (akka://actormap)] Starting remoting
    [GeneratedRegex(@"^\[[A-Z]+\]\[[^\]]*\]\[Thread \d+\]\[([^\]]*)\]\s*")]
    private static partial Regex AkkaPrefix();
}
