using System.Text.Json;

namespace ActorMap.MultiNode.Tests.Support;

/// <summary>What one run of the <c>actormap</c> console printed and returned.</summary>
public sealed record ConsoleResult(int ExitCode, IReadOnlyList<string> StdoutLines, IReadOnlyList<string> StderrLines)
{
    public string Stdout => string.Join('\n', StdoutLines);

    public string Stderr => string.Join('\n', StderrLines);

    /// <summary>The last non-empty stdout line: where a reduced value is printed.</summary>
    public string LastLine => StdoutLines.LastOrDefault(l => l.Length > 0) ?? "";

    public static ConsoleResult Of(ChildProcess process, int exitCode)
    {
        var lines = process.Output.Snapshot();
        return new ConsoleResult(
            exitCode,
            [.. lines.Where(l => !l.IsError).Select(l => l.Text)],
            [.. lines.Where(l => l.IsError).Select(l => l.Text)]);
    }

    /// <summary>The JSON array a map printed, as 64-bit integers.</summary>
    public long[] Int64Results()
    {
        using var document = JsonDocument.Parse(Stdout);
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        var results = new long[document.RootElement.GetArrayLength()];
        var i = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            results[i++] = element.GetInt64();
        }
        return results;
    }

    public override string ToString() =>
        $"exit {ExitCode}\n--- stdout (last lines) ---\n{Tail(StdoutLines)}\n--- stderr ---\n{Tail(StderrLines)}";

    private static string Tail(IReadOnlyList<string> lines) =>
        string.Join('\n', lines.Skip(Math.Max(0, lines.Count - 30)).Select(l => l.Length > 300 ? l[..300] + "..." : l));
}
