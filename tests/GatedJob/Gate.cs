namespace GatedJob;

/// <summary>
/// JobGate's function, compiled: the first <see cref="FreeElements"/> elements return at once,
/// every later one waits until the file named by MULTINODE_GATE_FILE exists. A node that runs
/// one of its chunks has fetched and loaded this assembly.
/// </summary>
public static class Gate
{
    // JobGate.FreeElements and JobGate.FileVariable of MultiNode.Tests: the spec and this function agree on them.
    public const long FreeElements = 1_000;

    /// <summary>x itself, so a lost, repeated or misplaced element shows at its index.</summary>
    public static long Hold(long x)
    {
        if (x >= FreeElements)
        {
            var gate = Environment.GetEnvironmentVariable("MULTINODE_GATE_FILE")
                ?? throw new InvalidOperationException("MULTINODE_GATE_FILE is not set: nothing would ever open the gate");
            // Polled: the job's function is the thing held, so blocking its worker thread is the point.
            while (!File.Exists(gate))
            {
                Thread.Sleep(1);
            }
        }
        return x;
    }
}
