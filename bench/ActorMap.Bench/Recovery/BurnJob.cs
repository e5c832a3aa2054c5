using System.Diagnostics;
using ActorMap.Compute;
using ActorMap.Hosting.Client;

namespace ActorMap.Bench.Recovery;

/// <summary>
/// The job the issue measured for Python: 40 chunks of one element, each about 0.25 s of CPU.
/// Each element is <c>(iterations &lt;&lt; 16) | k</c> and its result is k * k, so one lambda serves
/// the calibration and the job (every node compiles it once) and the result is checked exactly.
/// </summary>
internal static class BurnJob
{
    public const int Chunks = 40;
    public const double ChunkCpuSeconds = 0.25;

    // The loop's sum decides the result (never negative, but the JIT cannot know), so it is never optimised away.
    public const string Lambda = "x => { var n = x >> 16; var k = x & 65535; var s = 0.0; for (var i = 0L; i < n; i++) s += Math.Sqrt(i + k); return s < 0 ? -1 : k * k; }";

    // Enough to time, short enough to calibrate in seconds.
    private const long ProbeIterations = 100_000_000;
    private const int ProbeRuns = 3;

    /// <summary>Elements 0 .. count-1, each looping <paramref name="iterations"/> times.</summary>
    public static long[] Input(long iterations, int count = Chunks) => [.. Enumerable.Range(0, count).Select(k => (iterations << 16) | (long)k)];

    public static bool IsCorrect(long[] values, int count = Chunks) =>
        values.Length == count && values.Select((v, k) => v == (long)k * k).All(same => same);

    /// <summary>
    /// Short chunks, 50 per worker of six (round-robin): every node has loaded the lambda and called it
    /// past the 30 calls after which .NET recompiles it fully optimised, so no measured chunk runs the
    /// first tier's code (a fresh node's first chunks otherwise do).
    /// </summary>
    public static async Task WarmAsync(string api)
    {
        const int warm = 300;
        await using var pool = await ClusterMapPool.ConnectAsync(api);
        var values = await pool.MapAsync<long, long>(Lambda, Input(100_000, warm), new MapOptions { ChunkSize = 1 });
        if (!IsCorrect(values, warm))
        {
            throw new InvalidOperationException("the warm-up job returned a wrong result");
        }
    }

    /// <summary>
    /// The iterations that take <see cref="ChunkCpuSeconds"/> on one worker of the idle cluster: a
    /// one-element job's time with a long loop, less its time with a short one (the job's own cost).
    /// </summary>
    public static async Task<long> CalibrateAsync(string api)
    {
        await using var pool = await ClusterMapPool.ConnectAsync(api);
        var loop = await FastestAsync(pool, ProbeIterations);
        var overhead = await FastestAsync(pool, 1);
        return (long)(ProbeIterations * ChunkCpuSeconds / (loop - overhead));
    }

    /// <summary>A one-element job's fastest time of a few, in seconds.</summary>
    public static async Task<double> FastestAsync(ClusterMapPool pool, long iterations)
    {
        var best = double.MaxValue;
        for (var run = 0; run < ProbeRuns; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var values = await pool.MapAsync<long, long>(Lambda, Input(iterations, 1), new MapOptions { ChunkSize = 1 });
            best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalSeconds);
            if (!IsCorrect(values, 1))
            {
                throw new InvalidOperationException("the calibration job returned a wrong result");
            }
        }
        return best;
    }
}
