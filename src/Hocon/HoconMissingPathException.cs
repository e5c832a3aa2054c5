namespace ActorMap.Hocon;

/// <summary>A getter without a default value was asked for a path that has no value (or null).</summary>
public sealed class HoconMissingPathException : HoconException
{
    public HoconMissingPathException()
    {
    }

    public HoconMissingPathException(string message)
        : base(message)
    {
    }

    public HoconMissingPathException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal HoconMissingPathException(string path, bool isNull)
        : base(isNull ? $"value at '{path}' is null" : $"no value at path '{path}'")
    {
        Path = path;
    }

    public string? Path { get; }
}
