namespace ActorMap.Runtime.Event;

/// <summary>
/// An actor's logger. Lines go to the event stream first (so the TestKit's EventFilter sees them)
/// and from there to Microsoft.Extensions.Logging.
/// </summary>
public interface ILoggingAdapter
{
    void Debug(string message);

    void Info(string message);

    void Warning(string message);

    void Error(string message);

    void Error(Exception cause, string message);
}
