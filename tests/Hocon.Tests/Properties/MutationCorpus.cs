using ActorMap.Hocon.Tests.Support;

namespace ActorMap.Hocon.Tests.Properties;

/// <summary>
/// Seed documents for the robustness properties: the conformance .conf/.json files when they
/// are present, otherwise a few built-in samples so the property still runs.
/// </summary>
internal static class MutationCorpus
{
    private static readonly Lazy<string[]> s_documents = new(Load);

    public static string[] Documents => s_documents.Value;

    /// <summary>Fragments that steer random text towards the parser's interesting states.</summary>
    public static readonly string[] Fragments =
    [
        "{", "}", "[", "]", "=", ":", ",", "\n", " ", "\t", "a", "b.c", "\"x\"", "\"\"", "\"\"\"", "${a}", "${?b}",
        "${", "$", "?", "# c\n", "//", "/", "include ", "\"nothere.conf\"", "file(", "required(", ")", "+=", "+",
        "1", "-2.5e3", "0.5", "1e", "-", "true", "null", "yes", "\\", "\\u12", "\"\\", "\u00A0", "\uFEFF", "\r\n", ".",
        "a.b.c", "\"a\".\"b\"", "10s", "64 KiB", "x = ${x} [1]", "a += 1", "@", "`",
    ];

    private static string[] Load()
    {
        string[] samples =
        [
            "a { b = 1, c = [1, 2, ${a.b}] }\nd = ${?x} text \"q\" 5s\ne += 1",
            "{ \"json\" : [ { \"k\" : null }, true, -1.5e2 ] }",
            "x = \"\"\"multi\nline\"\"\"\ny = ${x}\"!\"\nz = { w = ${y} } { v = 1 }",
        ];
        if (ConformanceData.Resources is not { } resources)
        {
            return samples;
        }

        var files = Directory.EnumerateFiles(resources, "*.conf", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(resources, "*.json", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText);
        return [.. samples, .. files];
    }
}
