using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorMap.Hosting.Tests.Deploy;

/// <summary>What a container's command line says: the programs it runs and the flags it passes them.</summary>
internal static partial class NodeArguments
{
    /// <summary>Every word, with shell strings (<c>sh -c "exec dotnet ..."</c>) split at spaces too.</summary>
    public static IReadOnlyList<string> Tokens(IEnumerable<string> words) =>
        [.. words.SelectMany(w => w.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    public static IReadOnlyList<string> Dlls(IEnumerable<string> words) => [.. Tokens(words).Where(t => Dll().IsMatch(t))];

    /// <summary>The value after <paramref name="flag"/>, or null.</summary>
    public static string? Flag(IEnumerable<string> words, string flag)
    {
        var tokens = Tokens(words);
        var at = tokens.ToList().IndexOf(flag);
        return at >= 0 && at + 1 < tokens.Count ? tokens[at + 1] : null;
    }

    /// <summary>HOST[:PORT] as the nodes and the console read it.</summary>
    public static (string Host, int Port) HostAndPort(string text, int defaultPort)
    {
        var colon = text.LastIndexOf(':');
        return colon < 0 ? (text, defaultPort)
            : (text[..colon], int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : -1);
    }

    [GeneratedRegex(@"^[\w./-]+\.dll$")]
    private static partial Regex Dll();
}
