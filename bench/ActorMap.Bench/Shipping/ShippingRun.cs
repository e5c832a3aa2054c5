using System.Diagnostics;
using ActorMap.Compute;
using ActorMap.Compute.Telemetry;

namespace ActorMap.Bench.Shipping;

/// <summary>What one repetition measured, side by side on one fresh cluster.</summary>
internal sealed record Repetition(
    double FirstMs, double SecondMs, double ThirdMs, double LambdaMs,
    long FirstBytes, long SecondBytes, long ThirdBytes,
    double FirstChunkMsFirst, double FirstChunkMsSecond,
    PerElementCost Cost, long DllBytes, long PdbBytes);

/// <summary>
/// One repetition: a library compiled with a new run id (a hash no node has seen), a fresh
/// cluster, then, in this order: the cheap job as lambda source, the same job shipped three times
/// (first, second, third), the lambda job again; then rounds of the expensive function shipped,
/// in a local pool with as many workers, and in that pool loaded as a node loads it
/// (<see cref="AsNodeLoads"/>), and of WorkBig shipped and as lambda source, taken in turn.
/// </summary>
internal static class ShippingRun
{
    /// <summary>Cheap elements per job: the job is twenty chunk round trips (about 50 ms here), so a per-job cost shows.</summary>
    public const long CheapElements = 400_000;

    public const int CheapChunk = 20_000;

    public static Repetition Measure(int index, string directory, int seedPort, int workers, MapPool local)
    {
        var runId = $"{Environment.ProcessId}-{index}-{DateTime.UtcNow.Ticks}";
        var library = UserLibrary.Compile("ShippingBench", UserSource.Library(runId), Path.Combine(directory, "library"), withFractions: true);
        var warmup = UserLibrary.Compile("ShippingBenchWarmup", UserSource.Warmup(runId), Path.Combine(directory, "warmup"), withFractions: false);
        var cheap = library.Static<Func<long, long>>(UserSource.Type, "Cheap");
        var work = library.Static<Func<long, long>>(UserSource.Type, "Work");
        var workBig = library.Static<Func<long, long>>(UserSource.Type, "WorkBig");
        var sum = library.Static<Func<long, long, long>>(UserSource.Type, "Sum");

        using var cluster = ShippingCluster.Start(Path.Combine(directory, "cluster"), seedPort, workers);
        var pool = cluster.Pool;
        // The shipping path's own code (packaging, upload, fetch, load) is warm in all three
        // processes before anything is timed: what the first job adds is then its files, not JIT.
        var identity = warmup.Static<Func<long, long>>(UserSource.Namespace + "Warmup.Identity", "Of");
        var identitySum = warmup.Static<Func<long, long, long>>(UserSource.Namespace + "Warmup.Identity", "Sum");
        pool.MapReduceAsync(new LongRange(0, 1000), identity, identitySum, new MapOptions { ChunkSize = 100 }).Wait();

        var range = new LongRange(0, CheapElements);
        var lambda1 = Timed(o => pool.MapReduceAsync<long>(UserSource.CheapLambda, range, "sum", o), CheapChunk);
        var before = pool.BytesUploaded;
        var first = Timed(o => pool.MapReduceAsync(range, cheap, sum, o), CheapChunk);
        var firstBytes = pool.BytesUploaded - before;
        var second = Timed(o => pool.MapReduceAsync(range, cheap, sum, o), CheapChunk);
        var secondBytes = pool.BytesUploaded - before - firstBytes;
        var third = Timed(o => pool.MapReduceAsync(range, cheap, sum, o), CheapChunk);
        var thirdBytes = pool.BytesUploaded - before - firstBytes - secondBytes;
        var lambda2 = Timed(o => pool.MapReduceAsync<long>(UserSource.CheapLambda, range, "sum", o), CheapChunk);
        Check(first.Result, second.Result, third.Result, lambda1.Result, lambda2.Result);

        var workRange = new LongRange(0, PerElementRounds.Elements);
        using var asNode = AsNodeLoads.Load(work, Path.Combine(directory, "as-node-store"));
        var collectible = asNode.Function;
        var cost = PerElementRounds.Measure(index, new Dictionary<Variant, Func<MapOptions, Task<long>>>
        {
            [Variant.Shipped] = o => pool.MapReduceAsync(workRange, work, sum, o),
            [Variant.Local] = o => local.MapReduceAsync(workRange, work, sum, o),
            [Variant.LocalAsNode] = o => local.MapReduceAsync(workRange, collectible, sum, o),
            [Variant.BigShipped] = o => pool.MapReduceAsync(workRange, workBig, sum, o),
            [Variant.BigLambda] = o => pool.MapReduceAsync<long>(UserSource.WorkBigLambda, workRange, "sum", o),
        });

        return new Repetition(first.Ms, second.Ms, third.Ms, (lambda1.Ms + lambda2.Ms) / 2,
            firstBytes, secondBytes, thirdBytes,
            WorkerTime.FirstChunkMilliseconds(first.Report), WorkerTime.FirstChunkMilliseconds(second.Report),
            cost, library.DllBytes, library.PdbBytes);
    }

    public static (double Ms, JobReport Report, long Result) Timed(Func<MapOptions, Task<long>> job, int chunkSize)
    {
        JobReport? report = null;
        var options = new MapOptions { ChunkSize = chunkSize, OnReport = r => report = r };
        var watch = Stopwatch.StartNew();
        var result = job(options).GetAwaiter().GetResult();
        var ms = watch.Elapsed.TotalMilliseconds;
        return (ms, report ?? throw new InvalidOperationException("the job sent no report"), result);
    }

    // A job that computed something else would time something else.
    private static void Check(long expected, params long[] others)
    {
        if (others.Any(o => o != expected))
        {
            throw new InvalidOperationException($"jobs disagree: {expected} vs {string.Join(", ", others)}");
        }
    }
}
