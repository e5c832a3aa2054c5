namespace ActorMap.Remote;

/// <summary>
/// An exception that was thrown on another node, e.g. the cause of a <c>Status.Failure</c> reply:
/// the original cannot travel, so its type name and message arrive instead.
/// </summary>
public sealed class RemoteException : Exception
{
    public RemoteException()
        : this("Exception", "")
    {
    }

    public RemoteException(string message)
        : this("Exception", message)
    {
    }

    public RemoteException(string message, Exception innerException)
        : base(message, innerException) => ExceptionType = innerException?.GetType().FullName ?? "Exception";

    public RemoteException(string exceptionType, string message)
        : base(message) => ExceptionType = exceptionType;

    /// <summary>Full type name of the exception on the node that threw it.</summary>
    public string ExceptionType { get; }

    public override string ToString() => $"{ExceptionType} (remote): {Message}";
}
