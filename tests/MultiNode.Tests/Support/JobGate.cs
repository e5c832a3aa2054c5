namespace ActorMap.MultiNode.Tests.Support;

/// <summary>
/// Holds a job open until the spec says so, instead of hoping a job is slow enough: the first
/// <see cref="FreeElements"/> elements run at once, every later one waits until the gate file
/// (one per cluster, named by MULTINODE_GATE_FILE in every process) exists. A spec can thus act
/// "mid-job" (start or kill a node) knowing the job has begun and cannot have ended.
/// </summary>
public sealed class JobGate(ClusterFixture cluster)
{
    public const int Elements = 20_000;

    public const int FreeElements = 1_000;

    public const string ChunkSize = "50";

    public const string FileVariable = "MULTINODE_GATE_FILE";

    // The same text in every spec, so the lambda cache makes all but the first compile warm. The
    // busy loop gives each chunk real work, so chunks overlap and spread; the result is x itself,
    // which makes a lost, repeated or misplaced element visible at its index.
    public static readonly string Function =
        "x => { if (x >= " + FreeElements + ") { var gate = Environment.GetEnvironmentVariable(\"" + FileVariable + "\"); " +
        "while (!System.IO.File.Exists(gate)) System.Threading.Thread.Sleep(1); } " +
        "var s = 0.0; for (var i = 0; i < 20000; i++) s += Math.Sqrt(i + x); return s < 0 ? -1 : x; }";

    public void Open() => File.WriteAllText(cluster.GateFile, "open");

    /// <summary>Exactly <see cref="Elements"/> results, element i being i: none lost, repeated or moved.</summary>
    public static void AssertComplete(ConsoleResult result)
    {
        var results = result.Int64Results();
        Assert.Equal(Elements, results.Length);
        for (var i = 0; i < results.Length; i++)
        {
            Assert.True(results[i] == i, $"element {i} is {results[i]}");
        }
    }
}
