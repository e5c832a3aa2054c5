namespace ActorMap.Hocon;

/// <summary>A getter found a value at the path, but not one of the type it was asked for.</summary>
public sealed class HoconTypeException : HoconException
{
    public HoconTypeException()
    {
    }

    public HoconTypeException(string message)
        : base(message)
    {
    }

    public HoconTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal HoconTypeException(string path, string value, string expectedType)
        : base($"value at '{path}' is {value}, which is not {expectedType}")
    {
        Path = path;
        Value = value;
        ExpectedType = expectedType;
    }

    public string? Path { get; }

    /// <summary>The value found, rendered as HOCON.</summary>
    public string? Value { get; }

    public string? ExpectedType { get; }
}
