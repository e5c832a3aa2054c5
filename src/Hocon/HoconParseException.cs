namespace ActorMap.Hocon;

/// <summary>
/// The text is not valid HOCON, or an include failed (a cycle, a required file missing).
/// The message reads <c>file:line:column: message</c>.
/// </summary>
public sealed class HoconParseException : HoconException
{
    public HoconParseException()
    {
    }

    public HoconParseException(string message)
        : base(message)
    {
    }

    public HoconParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal HoconParseException(string message, string? file, int line, int column, Exception? innerException = null)
        : base(message, file, line, column, innerException)
    {
    }
}
