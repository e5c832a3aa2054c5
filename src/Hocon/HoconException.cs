namespace ActorMap.Hocon;

/// <summary>
/// Base of every error the HOCON library raises. <see cref="File"/> and <see cref="Line"/>
/// are set when the error has a place in a source (File is null for parsed strings).
/// </summary>
public class HoconException : Exception
{
    public HoconException()
    {
    }

    public HoconException(string message)
        : base(message)
    {
    }

    public HoconException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal HoconException(string message, string? file, int line, int column, Exception? innerException = null)
        : base(Locate(file, line, column, message), innerException)
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The file the error was found in, or null for text parsed from a string.</summary>
    public string? File { get; }

    /// <summary>1-based line, or 0 when the error has no source position.</summary>
    public int Line { get; }

    /// <summary>1-based column, or 0 when the error has no source position.</summary>
    public int Column { get; }

    private static string Locate(string? file, int line, int column, string message) =>
        line > 0 ? $"{file ?? "<string>"}:{line}:{column}: {message}" : message;
}
