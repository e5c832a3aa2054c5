using System.Diagnostics;
using ActorMap.Compute;

namespace ActorMap.Bench.Compute;

/// <summary>
/// Embedded chunks of one element each: what a job costs per chunk (dispatch, the worker's
/// turn, the ordered release) when the function costs nothing.
/// </summary>
internal static class TinyChunks
{
    private const int Elements = 200_000;
    private const double Target = 400_000;

    public static void Run(TextWriter output, int runs, MapPool pool)
    {
        var options = new MapOptions { ChunkSize = 1 };
        var input = new LongRange(0, Elements);
        Check(pool.MapAsync(input, static x => x + 1, options).Result);
        var rates = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            var watch = Stopwatch.StartNew();
            var results = pool.MapAsync(input, static x => x + 1, options).Result;
            rates.Add(Elements / watch.Elapsed.TotalSeconds);
            Check(results);
        }
        var samples = new Samples(rates);
        output.WriteLine($"Tiny chunks: x => x + 1 over {Elements:N0} elements, chunk size 1 ({Elements:N0} chunks), chunks/s (min/median/max)");
        output.WriteLine($"  {samples.ToString("N0")}   ({(samples.Median >= Target ? "meets" : "MISSES")} >= {Target:N0})");
    }

    private static void Check(long[] results)
    {
        if (results.Length != Elements || results[0] != 1 || results[^1] != Elements)
        {
            throw new InvalidOperationException($"tiny chunks: {results.Length} results, first {results.FirstOrDefault()}, last {results.LastOrDefault()}");
        }
    }
}
