namespace ActorMap.Hocon;

/// <summary>How substitutions are resolved.</summary>
public sealed class HoconOptions
{
    /// <summary>Falls back to the process environment.</summary>
    public static HoconOptions Default { get; } = new();

    /// <summary>Resolves substitutions against the tree only.</summary>
    public static HoconOptions WithoutEnvironment { get; } = new() { EnvironmentVariables = null };

    /// <summary>
    /// Looked up for a substitution not found in the tree, with the path elements joined by '.';
    /// an empty value counts as not set. Null disables the fallback. Defaults to the process environment.
    /// </summary>
    public Func<string, string?>? EnvironmentVariables { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Options whose environment is the given dictionary, so tests need not touch the real one.</summary>
    public static HoconOptions FromEnvironment(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return new HoconOptions { EnvironmentVariables = name => variables.TryGetValue(name, out var value) ? value : null };
    }
}
