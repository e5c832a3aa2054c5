namespace ActorMap.Hosting.Tests.Deploy;

/// <summary>Fails with every problem a check found, one a line (xunit cuts a collection's items short).</summary>
internal static class NoProblems
{
    public static void In(IEnumerable<string> problems)
    {
        var found = problems.ToList();
        Assert.True(found.Count == 0, string.Join('\n', found));
    }
}
