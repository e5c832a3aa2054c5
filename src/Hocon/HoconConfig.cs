using ActorMap.Hocon.Parsing;
using ActorMap.Hocon.Rendering;
using ActorMap.Hocon.Resolution;
using ActorMap.Hocon.Values;

namespace ActorMap.Hocon;

/// <summary>
/// A HOCON configuration. It keeps the tree as parsed, so configs can be layered with
/// <see cref="WithFallback"/> before substitutions are resolved, and resolves on demand.
/// Instances are immutable and safe to share between threads.
/// </summary>
public sealed partial class HoconConfig
{
    private readonly HoconObject _source;
    private readonly HoconOptions _options;
    private HoconObject? _resolved;

    private HoconConfig(HoconObject source, HoconObject? resolved, HoconOptions options)
    {
        _source = source;
        _resolved = resolved;
        _options = options;
    }

    /// <summary>A config with no values.</summary>
    public static HoconConfig Empty { get; } = new(new HoconObject(), new HoconObject(), HoconOptions.Default);

    /// <summary>True when substitutions have been resolved (getters resolve on first use otherwise).</summary>
    public bool IsResolved => _resolved is not null;

    internal HoconObject Root => _resolved ?? ResolveRoot();

    /// <summary>Parses and resolves text, with environment variables as the substitution fallback.</summary>
    /// <exception cref="HoconParseException">The text is not valid HOCON.</exception>
    /// <exception cref="HoconSubstitutionException">A required substitution has no value.</exception>
    public static HoconConfig Parse(string text) => Parse(text, HoconOptions.Default);

    /// <summary>Parses and resolves text; <paramref name="resolveEnv"/> false resolves against the tree only.</summary>
    public static HoconConfig Parse(string text, bool resolveEnv) =>
        Parse(text, resolveEnv ? HoconOptions.Default : HoconOptions.WithoutEnvironment);

    public static HoconConfig Parse(string text, HoconOptions options) => ParseUnresolved(text, options).Resolve();

    /// <summary>
    /// Parses without resolving, for layering: <c>app.WithFallback(reference).Resolve()</c>.
    /// Relative includes in text are ignored, since text has no directory to be relative to.
    /// </summary>
    public static HoconConfig ParseUnresolved(string text) => ParseUnresolved(text, HoconOptions.Default);

    public static HoconConfig ParseUnresolved(string text, HoconOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        return new HoconConfig(HoconParser.ParseDocument(text, ParseContext.ForText()), null, options);
    }

    /// <summary>Loads and resolves a file; includes are found relative to it.</summary>
    public static HoconConfig Load(string path) => Load(path, HoconOptions.Default);

    public static HoconConfig Load(string path, HoconOptions options) => LoadUnresolved(path, options).Resolve();

    public static HoconConfig LoadUnresolved(string path) => LoadUnresolved(path, HoconOptions.Default);

    public static HoconConfig LoadUnresolved(string path, HoconOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        string fullPath;
        string text;
        try
        {
            fullPath = System.IO.Path.GetFullPath(path);
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            throw new HoconException($"cannot read HOCON file '{path}': {e.Message}", e);
        }

        return new HoconConfig(HoconParser.ParseDocument(text, ParseContext.ForFile(fullPath)), null, options);
    }

    /// <summary>Resolves substitutions with the options the config was parsed with.</summary>
    public HoconConfig Resolve() => IsResolved ? this : new HoconConfig(_source, ResolveRoot(), _options);

    /// <summary>Resolves substitutions of the parsed tree again, with other options.</summary>
    public HoconConfig Resolve(HoconOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new HoconConfig(_source, Resolver.Resolve(_source, options), options);
    }

    /// <summary>
    /// Layers this config over <paramref name="fallback"/>: values here win, objects merge
    /// (Akka's order: <c>overrides.WithFallback(file).WithFallback(defaults)</c>). When either
    /// side is unresolved, the result is unresolved, so substitutions see the whole stack.
    /// </summary>
    public HoconConfig WithFallback(HoconConfig fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (IsResolved && fallback.IsResolved)
        {
            var merged = NodeMerger.MergeObjects(fallback._resolved!, _resolved!);
            return new HoconConfig(merged, merged, _options);
        }

        return new HoconConfig(NodeMerger.MergeObjects(fallback._source, _source), null, _options);
    }

    /// <summary>True when the path has a value other than null.</summary>
    public bool HasPath(string path) => Find(path) is { } node && node is not HoconScalar { Kind: ScalarKind.Null };

    /// <summary>The object at the path as a config; <see cref="Empty"/> when the path is missing.</summary>
    public HoconConfig GetConfig(string path)
    {
        var node = Find(path);
        return node switch
        {
            null or HoconScalar { Kind: ScalarKind.Null } => Empty,
            HoconObject obj => new HoconConfig(obj, obj, _options),
            _ => throw TypeMismatch(path, node, "an object"),
        };
    }

    /// <summary>The resolved tree as JSON, indented.</summary>
    public string ToJson() => ToJson(indented: true);

    public string ToJson(bool indented) => JsonWriter.Write(Root, indented);

    /// <summary>The resolved tree as HOCON that parses back to the same tree.</summary>
    public string ToHocon() => HoconWriter.Write(Root);

    public override string ToString() => ToHocon();

    private HoconObject ResolveRoot()
    {
        var resolved = Resolver.Resolve(_source, _options);
        return Interlocked.CompareExchange(ref _resolved, resolved, null) ?? resolved;
    }
}
