using System.Collections.Concurrent;
using System.Diagnostics;
using ActorMap.Compute;

namespace ActorMap.Bench.Compute;

/// <summary>
/// ActorMap embedded against Parallel.ForEach over range partitions and a plain loop, side by
/// side in one process, as ratios of medians; round-robin against pull on skewed work; and the
/// cost of a chunk when the work is nothing.
/// </summary>
internal static class ComputeReport
{
    public static void Run(TextWriter output, int runs)
    {
        var workers = Environment.ProcessorCount;
        using var pool = MapPool.Create(new MapOptions { Workers = workers });
        output.WriteLine($"Map over a range, {workers} workers, {runs} runs each; times in ms (min/median/max)");

        const long cheapLength = 10_000_000;
        Compare(output, "x * x over 10,000,000 longs", runs, cheapLength, static x => x * x, pool);

        const long expensiveLength = 200_000;
        Compare(output, "2,000 square roots per element, 200,000 elements", runs, expensiveLength, Expensive, pool);

        const long skewLength = 20_000;
        // Chunks of 250 (80 in all): with only the default four per worker the heaviest last chunk
        // decides the end under any balancing, and there is nothing left to balance.
        output.WriteLine($"Skewed work: element i costs ~i/10 square roots ({skewLength:N0} elements, chunks of 250)");
        var roundRobin = Measure(runs, () => pool.MapAsync(new LongRange(0, skewLength), Skewed, new MapOptions { Balancing = Balancing.RoundRobin, ChunkSize = 250 }).Result);
        var pull = Measure(runs, () => pool.MapAsync(new LongRange(0, skewLength), Skewed, new MapOptions { Balancing = Balancing.Pull, ChunkSize = 250 }).Result);
        Print(output, "round-robin", roundRobin);
        Print(output, "pull", pull);
        output.WriteLine($"  round-robin / pull = {Median(roundRobin) / Median(pull):F2} (above 1: pull wins)");

        TinyChunks.Run(output, runs, pool);
    }

    private static void Compare(TextWriter output, string title, int runs, long length, Func<long, long> function, MapPool pool)
    {
        output.WriteLine(title);
        var actorMap = Measure(runs, () => pool.MapAsync(new LongRange(0, length), function).Result);
        var parallel = Measure(runs, () => ParallelForEach(length, function));
        var loop = Measure(runs, () => PlainLoop(length, function));
        Print(output, "ActorMap embedded", actorMap);
        Print(output, "Parallel.ForEach", parallel);
        Print(output, "plain loop", loop);
        output.WriteLine($"  ActorMap / Parallel.ForEach = {Median(actorMap) / Median(parallel):F2}   ActorMap / loop = {Median(actorMap) / Median(loop):F2}");
    }

    private static long[] ParallelForEach(long length, Func<long, long> function)
    {
        var results = new long[length];
        Parallel.ForEach(Partitioner.Create(0, length), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                results[i] = function(i);
            }
        });
        return results;
    }

    private static long[] PlainLoop(long length, Func<long, long> function)
    {
        var results = new long[length];
        for (var i = 0L; i < length; i++)
        {
            results[i] = function(i);
        }
        return results;
    }

    private static long Expensive(long x) => Roots(x, 2000);

    private static long Skewed(long x) => Roots(x, (int)(x / 10));

    private static long Roots(long x, int count)
    {
        var sum = 0.0;
        for (var i = 1; i <= count; i++)
        {
            sum += Math.Sqrt(x + i);
        }
        return (long)sum;
    }

    private static double[] Measure(int runs, Func<long[]> run)
    {
        GC.KeepAlive(run());
        var times = new double[runs];
        for (var r = 0; r < runs; r++)
        {
            GC.Collect();
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(run());
            times[r] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }

    private static double Median(double[] sorted) => sorted[sorted.Length / 2];

    private static void Print(TextWriter output, string name, double[] sorted) =>
        output.WriteLine($"  {name,-20} {sorted[0],9:F1} {Median(sorted),9:F1} {sorted[^1],9:F1}");
}
