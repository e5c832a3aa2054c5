namespace ActorMap.Client.Tests.Support;

/// <summary>What one in-process run of the console printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The last non-empty line of stdout: where a reduced value is printed.</summary>
    public string LastLine => Stdout.TrimEnd().Split('\n')[^1].TrimEnd('\r');

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs <see cref="CliApp"/> in-process, in a scratch working directory, with an environment of
/// its own: specs run in parallel and never touch the process's variables or current directory.
/// </summary>
public sealed class Cli : IDisposable
{
    // Shared by specs that only need some cache: the first compile of a lambda is paid once per test run.
    private static readonly string s_sharedCache = Path.Combine(Path.GetTempPath(), "actormap-client-tests-cache-" + Environment.ProcessId);

    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);

    public Cli(string? cacheDirectory = null)
    {
        WorkingDirectory = Directory.CreateTempSubdirectory("actormap-client-spec-").FullName;
        CacheDirectory = cacheDirectory ?? s_sharedCache;
        _variables["ACTORMAP_CACHE_DIR"] = CacheDirectory;
    }

    /// <summary>A cache directory of this spec's own, empty at first.</summary>
    public static Cli WithOwnCache()
    {
        var cache = Directory.CreateTempSubdirectory("actormap-client-spec-cache-").FullName;
        return new Cli(cache);
    }

    public string WorkingDirectory { get; }

    public string CacheDirectory { get; }

    public Cli Set(string variable, string value)
    {
        _variables[variable] = value;
        return this;
    }

    /// <summary>Writes a file in the working directory and returns its name.</summary>
    public string File(string name, string content)
    {
        System.IO.File.WriteAllText(Path.Combine(WorkingDirectory, name), content);
        return name;
    }

    public string PathOf(string name) => Path.Combine(WorkingDirectory, name);

    public Task<CliResult> PipeAsync(string stdin, params string[] args) => RunAsync(stdin, CancellationToken.None, args);

    public async Task<CliResult> RunAsync(string stdin, CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var environment = new CliEnvironment(new StringReader(stdin), stdout, stderr)
        {
            GetVariable = name => _variables.TryGetValue(name, out var value) ? value : null,
            WorkingDirectory = WorkingDirectory,
            StderrIsTerminal = false,
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var code = await CliApp.RunAsync(args, environment, timeout.Token);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    public Task<CliResult> RunAsync(params string[] args) => PipeAsync("", args);

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
            if (CacheDirectory != s_sharedCache)
            {
                Directory.Delete(CacheDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A scratch directory left in /tmp is harmless.
        }
    }
}
