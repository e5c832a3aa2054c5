using ActorMap.Compute;

namespace ActorMap.Bench.Shipping;

/// <summary>The expensive jobs whose per-element cost is compared.</summary>
internal enum Variant
{
    /// <summary>Work shipped to the WorkerNode.</summary>
    Shipped,

    /// <summary>Work in a local pool, the delegate as the caller has it.</summary>
    Local,

    /// <summary>Work in a local pool, loaded back from a store in a collectible context as a node loads it.</summary>
    LocalAsNode,

    /// <summary>WorkBig shipped to the WorkerNode.</summary>
    BigShipped,

    /// <summary>WorkBig as lambda source the WorkerNode compiles.</summary>
    BigLambda,
}

/// <summary>
/// Per-element ns of each <see cref="Variant"/> (indexed by it), as the workers timed their chunks:
/// the median chunk of the whole job but its first chunk, and of its second half only.
/// </summary>
internal sealed record PerElementCost(double[] WholeNs, double[] LateNs)
{
    public double Ratio(Variant a, Variant b, bool late) => late ? LateNs[(int)a] / LateNs[(int)b] : WholeNs[(int)a] / WholeNs[(int)b];
}

/// <summary>
/// Rounds of one job per variant, taken in turn, each round and each repetition starting with
/// another variant, so a slow spell of the shared machine falls on all of them alike.
/// </summary>
internal static class PerElementRounds
{
    /// <summary>Elements per job: about 1.5 s of Work on one worker here.</summary>
    public const long Elements = 30_000;

    public const int Chunk = 1_000;

    public const int Rounds = 2;

    public static PerElementCost Measure(int repetition, IReadOnlyDictionary<Variant, Func<MapOptions, Task<long>>> jobs)
    {
        var variants = Enum.GetValues<Variant>();
        var whole = variants.Select(_ => new List<double>()).ToArray();
        var late = variants.Select(_ => new List<double>()).ToArray();
        var results = new long[variants.Length];
        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < variants.Length; k++)
            {
                var which = (repetition + round + k) % variants.Length;
                var job = ShippingRun.Timed(jobs[variants[which]], Chunk);
                whole[which].AddRange(WorkerTime.NanosecondsPerElement(job.Report, lateHalf: false));
                late[which].AddRange(WorkerTime.NanosecondsPerElement(job.Report, lateHalf: true));
                results[which] = job.Result;
            }
        }
        // Work's three agree, and WorkBig's two: a job that computed something else would time something else.
        if (results[0] != results[1] || results[0] != results[2] || results[3] != results[4])
        {
            throw new InvalidOperationException($"jobs disagree: {string.Join(", ", results)}");
        }
        return new PerElementCost([.. whole.Select(WorkerTime.Median)], [.. late.Select(WorkerTime.Median)]);
    }
}
