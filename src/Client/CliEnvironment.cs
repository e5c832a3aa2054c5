namespace ActorMap.Client;

/// <summary>
/// Everything the console reads from its process besides the arguments, so specs can run it
/// in-process, side by side, without touching the real environment or working directory.
/// </summary>
internal sealed record CliEnvironment(TextReader Stdin, TextWriter Stdout, TextWriter Stderr)
{
    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>True when stderr is a terminal: only then is a live progress bar drawn.</summary>
    public bool StderrIsTerminal { get; init; }

    /// <summary>True when stdout is a terminal: only then does <c>status --watch</c> redraw in place.</summary>
    public bool StdoutIsTerminal { get; init; }

    public static CliEnvironment FromProcess() => new(Console.In, Console.Out, Console.Error)
    {
        StderrIsTerminal = !Console.IsErrorRedirected,
        StdoutIsTerminal = !Console.IsOutputRedirected,
    };

    /// <summary>A path as the user typed it, relative to <see cref="WorkingDirectory"/>.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
