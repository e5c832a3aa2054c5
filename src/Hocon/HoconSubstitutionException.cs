namespace ActorMap.Hocon;

/// <summary>A required substitution could not be resolved (missing, or part of a cycle).</summary>
public sealed class HoconSubstitutionException : HoconException
{
    public HoconSubstitutionException()
    {
    }

    public HoconSubstitutionException(string message)
        : base(message)
    {
    }

    public HoconSubstitutionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal HoconSubstitutionException(string message, string path, string? file, int line, int column)
        : base(message, file, line, column)
    {
        Path = path;
    }

    /// <summary>The path inside <c>${...}</c>, as a path expression.</summary>
    public string? Path { get; }
}
