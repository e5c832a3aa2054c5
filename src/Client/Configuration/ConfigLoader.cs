using ActorMap.Functions;
using ActorMap.Compute;
using ActorMap.Hocon;
using ActorMap.Runtime.Actor;

namespace ActorMap.Client.Configuration;

/// <summary>
/// Builds the effective configuration, last layer winning: every library's embedded
/// reference.conf, then the file (--file, or ./cluster.hocon when present), then the environment
/// through the file's <c>${?ACTORMAP_...}</c> lines.
/// </summary>
internal static class ConfigLoader
{
    public const string DefaultFile = "cluster.hocon";

    // The libraries whose reference.conf the console ships with; a new library adds itself here.
    private static readonly System.Reflection.Assembly[] s_libraries =
    [
        typeof(ActorSystemSettings).Assembly,
        typeof(MapPool).Assembly,
        typeof(Remote.RemoteSettings).Assembly,
        typeof(Cluster.ClusterSettings).Assembly,
    ];

    public static HoconConfig Effective(CliEnvironment environment, string? file)
    {
        var options = OptionsFor(environment);
        var layered = References(options);
        if (FindFile(environment, file) is { } path)
        {
            layered = HoconConfig.LoadUnresolved(path, options).WithFallback(layered);
        }
        return layered.Resolve(options);
    }

    /// <summary>The file alone, resolved (includes, substitutions, environment), with no defaults under it.</summary>
    public static HoconConfig Raw(CliEnvironment environment, string? file)
    {
        var path = FindFile(environment, file)
            ?? throw new UsageException($"no configuration file: ./{DefaultFile} does not exist here; name one with --file PATH");
        return HoconConfig.Load(path, OptionsFor(environment));
    }

    /// <summary>The file to read: --file (which must exist), else ./cluster.hocon if it exists, else none.</summary>
    public static string? FindFile(CliEnvironment environment, string? file)
    {
        if (file is not null)
        {
            var full = environment.FullPath(file);
            return File.Exists(full) ? full : throw new UsageException($"--file: configuration file '{file}' does not exist");
        }
        var defaultPath = environment.FullPath(DefaultFile);
        return File.Exists(defaultPath) ? defaultPath : null;
    }

    private static HoconOptions OptionsFor(CliEnvironment environment) => new() { EnvironmentVariables = environment.GetVariable };

    private static HoconConfig References(HoconOptions options)
    {
        var merged = HoconConfig.Empty;
        foreach (var library in s_libraries)
        {
            foreach (var name in library.GetManifestResourceNames())
            {
                if (!name.EndsWith(".reference.conf", StringComparison.Ordinal))
                {
                    continue;
                }
                using var stream = library.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                merged = merged.WithFallback(HoconConfig.ParseUnresolved(reader.ReadToEnd(), options));
            }
        }
        return merged;
    }
}
