using Microsoft.Extensions.Logging;

namespace ActorMap.Runtime.Event;

internal sealed class BusLogging(EventStream stream, string logSource, Type logClass, LogLevel minimumLevel) : ILoggingAdapter
{
    public void Debug(string message) => Publish(LogLevel.Debug, message, null);

    public void Info(string message) => Publish(LogLevel.Information, message, null);

    public void Warning(string message) => Publish(LogLevel.Warning, message, null);

    public void Error(string message) => Publish(LogLevel.Error, message, null);

    public void Error(Exception cause, string message) => Publish(LogLevel.Error, message, cause);

    private void Publish(LogLevel level, string message, Exception? cause)
    {
        if (level >= minimumLevel)
        {
            stream.Publish(new LogEvent(level, logSource, logClass, message, cause));
        }
    }
}
