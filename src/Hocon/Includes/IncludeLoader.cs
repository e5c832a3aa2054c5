using ActorMap.Hocon.Parsing;
using ActorMap.Hocon.Values;

namespace ActorMap.Hocon.Includes;

/// <summary>
/// Finds and parses included files: spec "Include semantics: locating resources", "missing
/// files and required files" and "file formats and extensions". Relative names are resolved
/// against the including file's directory, never the working directory.
/// </summary>
internal static class IncludeLoader
{
    private static readonly string[] s_extensionsInMergeOrder = [".properties", ".json", ".conf"];

    public static HoconObject Load(IncludeRequest request, ParseContext including)
    {
        var result = new HoconObject();
        if (request.Kind == IncludeKind.Unsupported)
        {
            return request.Required
                ? throw Fail(request, "classpath() and url() includes are not supported")
                : result;
        }

        var found = false;
        foreach (var candidate in Candidates(request, including))
        {
            if (!File.Exists(candidate))
            {
                continue;
            }

            found = true;
            if (including.Chain is { } chain && chain.Contains(candidate))
            {
                throw Fail(request, $"include cycle: {chain.Describe()} -> {Path.GetFileName(candidate)}");
            }

            if (including.IncludeDepth >= HoconLimits.MaxIncludeDepth)
            {
                throw Fail(request, $"includes nested deeper than {HoconLimits.MaxIncludeDepth} files");
            }

            var included = Parse(candidate, request, including);
            foreach (var (key, value) in included.Fields)
            {
                result.SetMerged(key, value);
            }
        }

        if (!found && request.Required)
        {
            throw Fail(request, $"required include '{request.Name}' was not found");
        }

        return result;
    }

    private static List<string> Candidates(IncludeRequest request, ParseContext including)
    {
        string basePath;
        try
        {
            if (Path.IsPathRooted(request.Name))
            {
                basePath = Path.GetFullPath(request.Name);
            }
            else if (including.File is { } file && Path.GetDirectoryName(file) is { } directory)
            {
                basePath = Path.GetFullPath(Path.Combine(directory, request.Name));
            }
            else
            {
                // Text parsed from a string has no directory to be relative to.
                return [];
            }
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            throw Fail(request, $"invalid include name '{request.Name}': {e.Message}", e);
        }

        var extension = Path.GetExtension(basePath);
        if (Array.IndexOf(s_extensionsInMergeOrder, extension) >= 0)
        {
            return [basePath];
        }

        // "If a filename has no extension, the implementation should treat it as a basename
        // and try loading the file with all known extensions."
        return [.. s_extensionsInMergeOrder.Select(e => basePath + e)];
    }

    private static HoconObject Parse(string fullPath, IncludeRequest request, ParseContext including)
    {
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw Fail(request, $"cannot read included file '{fullPath}': {e.Message}", e);
        }

        if (fullPath.EndsWith(".properties", StringComparison.Ordinal))
        {
            return PropertiesReader.Read(text, fullPath, request.Depth);
        }

        var context = including.ForInclude(fullPath, request.Prefix, request.Depth);
        return HoconParser.ParseDocument(text, context);
    }

    private static HoconParseException Fail(IncludeRequest request, string message, Exception? inner = null) =>
        new(message, request.Position.File, request.Position.Line, request.Position.Column, inner);
}
