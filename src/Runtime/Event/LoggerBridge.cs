using ActorMap.Runtime.Actor;
using Microsoft.Extensions.Logging;

namespace ActorMap.Runtime.Event;

/// <summary>
/// Forwards log events and dead letters from the event stream to Microsoft.Extensions.Logging.
/// Dead letters are counted and only the first <c>logDeadLetters</c> logged, so a flood after a
/// node stops does not drown the log.
/// </summary>
internal sealed class LoggerBridge(ILoggerFactory factory, int logDeadLetters)
{
    private readonly ILogger _deadLetterLogger = factory.CreateLogger("ActorMap.DeadLetters");
    private long _deadLetters;

    public void Attach(ActorSystem system)
    {
        var root = system.Guardian.Path.Root;
        system.EventStream.Subscribe(new FunctionRef(root / "$logger", (m, _) => OnEvent(m)), typeof(LogEvent));
        system.EventStream.Subscribe(new FunctionRef(root / "$deadLetterLogger", (m, _) => OnEvent(m)), typeof(DeadLetter));
    }

    private void OnEvent(object message)
    {
        switch (message)
        {
            case LogEvent log:
                factory.CreateLogger(log.LogClass.FullName ?? log.LogClass.Name)
                    .Log(log.Level, log.Cause, "[{LogSource}] {Message}", log.LogSource, log.Message);
                break;
            case DeadLetter dead:
                LogDeadLetter(dead);
                break;
        }
    }

    private void LogDeadLetter(DeadLetter dead)
    {
        var count = Interlocked.Increment(ref _deadLetters);
        if (count <= logDeadLetters)
        {
            _deadLetterLogger.LogInformation(
                "Dead letter {Count}: {MessageType} from {Sender} to {Recipient} was not delivered{Suffix}",
                count, dead.Message.GetType().Name, dead.Sender.Path, dead.Recipient.Path,
                count == logDeadLetters ? "; further dead letters are not logged" : "");
        }
    }
}
