namespace ActorMap.Hosting.Tests.Support;

internal static class OneLine
{
    /// <summary>
    /// Exactly one line of the node's log names <paramref name="peer"/>: a warning, one console
    /// line with no stack frame, containing <paramref name="what"/>. The level is the console's
    /// (warn, info, dbug): Akka's expected errors show as warnings.
    /// </summary>
    public static async Task<LogLine> AssertLoggedOnceAsync(CapturedLog log, string peer, string what, string level = "warn")
    {
        var lines = await log.WaitForAsync(peer, GuardedCluster.Deadline);
        var line = Assert.Single(lines);
        Assert.Contains($" {level}: ", line.Console, StringComparison.Ordinal);
        Assert.Contains(what, line.Console, StringComparison.Ordinal);
        Assert.Equal(line.Console.TrimEnd('\n', '\r'), line.Console.TrimEnd('\n', '\r').ReplaceLineEndings(" "));
        Assert.DoesNotContain("   at ", line.Console, StringComparison.Ordinal);
        return line;
    }
}
