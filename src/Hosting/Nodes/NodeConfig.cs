using System.Reflection;
using ActorMap.Compute;
using ActorMap.Hocon;

namespace ActorMap.Hosting.Nodes;

/// <summary>
/// A node's effective configuration, last layer winning: every library's embedded reference.conf,
/// then the file (--config, or ./cluster.hocon when present), with its <c>${?ACTORMAP_...}</c>
/// environment lines, then the command line's flags.
/// </summary>
public static class NodeConfig
{
    public const string DefaultFile = "cluster.hocon";

    private static readonly Assembly[] s_libraries =
    [
        typeof(MapPool).Assembly,
        typeof(NodeConfig).Assembly,
    ];

    /// <exception cref="HoconException">The file or an override is malformed (file:line:column in the message).</exception>
    /// <exception cref="FileNotFoundException">An explicitly named file does not exist.</exception>
    public static HoconConfig Load(string? file, IReadOnlyDictionary<string, string> overrides, Func<string, string?>? environment = null,
        bool lookForDefaultFile = true)
    {
        var options = new HoconOptions { EnvironmentVariables = environment ?? Environment.GetEnvironmentVariable };
        var layered = References(options);
        var path = file ?? (lookForDefaultFile && File.Exists(DefaultFile) ? DefaultFile : null);
        if (file is not null && !File.Exists(file))
        {
            throw new FileNotFoundException($"configuration file '{file}' does not exist", file);
        }
        if (path is not null)
        {
            layered = HoconConfig.LoadUnresolved(Path.GetFullPath(path), options).WithFallback(layered);
        }
        if (overrides.Count > 0)
        {
            var text = string.Join('\n', overrides.Select(kv => $"{kv.Key} = {kv.Value}"));
            layered = HoconConfig.ParseUnresolved(text, options).WithFallback(layered);
        }
        return layered.Resolve(options);
    }

    private static HoconConfig References(HoconOptions options)
    {
        var merged = HoconConfig.Empty;
        foreach (var library in s_libraries)
        {
            foreach (var name in library.GetManifestResourceNames().Where(n => n.EndsWith(".reference.conf", StringComparison.Ordinal)))
            {
                using var stream = library.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                merged = merged.WithFallback(HoconConfig.ParseUnresolved(reader.ReadToEnd(), options));
            }
        }
        return merged;
    }
}
