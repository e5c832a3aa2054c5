using ActorMap.Functions;
using ActorMap.Hocon;
using ActorMap.Hosting.Nodes;

namespace ActorMap.Client.Configuration;

/// <summary>
/// Builds the effective configuration, last layer winning: every library's embedded
/// reference.conf, then the file (--file, or ./cluster.hocon when present), then the environment
/// through the file's <c>${?ACTORMAP_...}</c> lines.
/// </summary>
internal static class ConfigLoader
{
    public const string DefaultFile = "cluster.hocon";

    /// <remarks>The layering is the nodes' own (<see cref="NodeConfig"/>), so the console and the nodes read settings alike.</remarks>
    public static HoconConfig Effective(CliEnvironment environment, string? file) =>
        NodeConfig.Load(FindFile(environment, file), new Dictionary<string, string>(), environment.GetVariable, lookForDefaultFile: false);

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
}
