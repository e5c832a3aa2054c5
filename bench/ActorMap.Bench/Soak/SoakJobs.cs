using System.Diagnostics;
using ActorMap.Compute;
using ActorMap.Hosting.Client;

namespace ActorMap.Bench.Soak;

/// <summary>One soak job: elements Start .. Start + Count - 1, chunked by ChunkSize (null: the default).</summary>
internal sealed record SoakJob(int Number, long Start, int Count, int? ChunkSize);

/// <summary>
/// A job's check, element by element: each result names its input (x * 7 + 3), so a result can be
/// counted against the index it belongs to. Lost: an index with no result; duplicated: a result
/// beyond an index's first; wrong: a value that is no index's, or one out of its place. Failure:
/// why the job did not return (null when it did).
/// </summary>
internal sealed record SoakOutcome(SoakJob Job, double Seconds, long Lost, long Duplicated, long Wrong, string? Failure);

/// <summary>Short CPU-bound jobs of random size and chunking, from the soak's seed.</summary>
internal static class SoakJobs
{
    // About 60 µs of CPU an element here, so a job takes about half a second on two cores and 300
    // take minutes; the sum decides the result, so the loop is never optimised away.
    public const string Lambda = "x => { var s = 0L; for (var i = 0L; i < 160000; i++) s += i ^ x; return s < 0 ? -1 : x * 7 + 3; }";

    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    private static readonly int?[] s_chunkSizes = [null, 10, 100, 1000];

    public static SoakJob Next(Random random, int number) =>
        new(number, random.Next(0, 1_000_000), random.Next(1_000, 20_001), s_chunkSizes[random.Next(s_chunkSizes.Length)]);

    public static async Task<SoakOutcome> RunAsync(ClusterMapPool pool, SoakJob job)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var values = await pool.MapAsync<long>(Lambda, new LongRange(job.Start, job.Start + job.Count), new MapOptions { ChunkSize = job.ChunkSize }, deadline.Token);
            return Check(job, values, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return Failed(job, started, $"no result within {Deadline.TotalSeconds:0} s (a hang)");
        }
        catch (Exception e) when (e is MapJobException or ArgumentException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return Failed(job, started, $"{e.GetType().Name}: {e.Message}");
        }
    }

    public static SoakOutcome Check(SoakJob job, long[] values, double seconds)
    {
        var counts = new int[job.Count];
        long wrong = 0;
        for (var position = 0; position < values.Length; position++)
        {
            var value = values[position];
            var index = (value - 3) / 7 - job.Start;
            if ((value - 3) % 7 != 0 || index < 0 || index >= job.Count)
            {
                wrong++;
                continue;
            }
            counts[index]++;
            if (index != position)
            {
                wrong++;
            }
        }
        var lost = counts.LongCount(c => c == 0);
        var duplicated = counts.Where(c => c > 1).Sum(c => (long)c - 1);
        return new SoakOutcome(job, seconds, lost, duplicated, wrong, null);
    }

    private static SoakOutcome Failed(SoakJob job, long started, string why) =>
        new(job, Stopwatch.GetElapsedTime(started).TotalSeconds, 0, 0, 0, why);
}
