using System.Diagnostics;
using ActorMap.Compute;
using ActorMap.Compute.Telemetry;

namespace ActorMap.Bench.Shipping;

/// <summary>What one repetition measured, side by side on one fresh cluster.</summary>
internal sealed record Repetition(
    double FirstMs, double SecondMs, double ThirdMs, double LambdaMs,
    long FirstBytes, long SecondBytes, long ThirdBytes,
    double FirstChunkMsFirst, double FirstChunkMsSecond,
    double ShippedNs, double LocalNs, long DllBytes, long PdbBytes);

/// <summary>
/// One repetition: a library compiled with a new run id (a hash no node has seen), a fresh
/// cluster, then, in this order: the cheap job as lambda source, the same job shipped three times
/// (first, second, third), the lambda job again; then the expensive function shipped and in a
/// local pool with as many workers, in an order that alternates between repetitions so neither
/// always runs second.
/// </summary>
internal static class ShippingRun
{
    /// <summary>Cheap elements per job: the job is a few dozen chunk round trips, so a per-job cost shows.</summary>
    public const long CheapElements = 2_000_000;

    public const int CheapChunk = 50_000;

    /// <summary>Expensive elements: about 1.5 s of Work on one worker here.</summary>
    public const long WorkElements = 36_000;

    public const int WorkChunk = 1_000;

    public static Repetition Measure(int index, string directory, int seedPort, int workers, MapPool local)
    {
        var runId = $"{Environment.ProcessId}-{index}-{DateTime.UtcNow.Ticks}";
        var library = UserLibrary.Compile("ShippingBench", UserSource.Library(runId), Path.Combine(directory, "library"), withFractions: true);
        var warmup = UserLibrary.Compile("ShippingBenchWarmup", UserSource.Warmup(runId), Path.Combine(directory, "warmup"), withFractions: false);
        var cheap = library.Static<Func<long, long>>(UserSource.Type, "Cheap");
        var work = library.Static<Func<long, long>>(UserSource.Type, "Work");
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

        var workRange = new LongRange(0, WorkElements);
        (double Ms, JobReport Report, long Result) shipped, inProcess;
        if (index % 2 == 0)
        {
            shipped = Timed(o => pool.MapReduceAsync(workRange, work, sum, o), WorkChunk);
            inProcess = Timed(o => local.MapReduceAsync(workRange, work, sum, o), WorkChunk);
        }
        else
        {
            inProcess = Timed(o => local.MapReduceAsync(workRange, work, sum, o), WorkChunk);
            shipped = Timed(o => pool.MapReduceAsync(workRange, work, sum, o), WorkChunk);
        }
        Check(shipped.Result, inProcess.Result);

        return new Repetition(first.Ms, second.Ms, third.Ms, (lambda1.Ms + lambda2.Ms) / 2,
            firstBytes, secondBytes, thirdBytes,
            WorkerTime.FirstChunkMilliseconds(first.Report), WorkerTime.FirstChunkMilliseconds(second.Report),
            WorkerTime.NanosecondsPerElement(shipped.Report), WorkerTime.NanosecondsPerElement(inProcess.Report),
            library.DllBytes, library.PdbBytes);
    }

    private static (double Ms, JobReport Report, long Result) Timed(Func<MapOptions, Task<long>> job, int chunkSize)
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
