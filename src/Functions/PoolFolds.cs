using ActorMap.Compute;
using ActorMap.Functions.Input;

namespace ActorMap.Functions;

/// <summary>A map input (a range or a list) folded on a pool: the one place that picks the pool's overload.</summary>
internal static class PoolFolds
{
    /// <summary>reduce(reduce(seed, r0), r1)…, or from r0 without a seed, where TAcc is then TR.</summary>
    public static Task<TAcc> FoldAsync<TIn, TR, TAcc>(MapPool pool, MapInput input, Func<TIn, TR> function, Func<TAcc, TR, TAcc> reduce, bool hasSeed, TAcc seed,
        MapOptions options, CancellationToken cancellationToken) =>
        (input, hasSeed) switch
        {
            // A range is always an input of longs, so TIn is long here.
            (RangeMapInput range, true) => pool.MapReduceAsync(range.Range, (Func<long, TR>)(object)function, seed, reduce, options, cancellationToken),
            (RangeMapInput range, false) => (Task<TAcc>)(object)pool.MapReduceAsync(range.Range, (Func<long, TR>)(object)function, (Func<TR, TR, TR>)(object)reduce, options, cancellationToken),
            (ListMapInput list, true) => pool.MapReduceAsync((TIn[])list.Items, function, seed, reduce, options, cancellationToken),
            (ListMapInput list, false) => (Task<TAcc>)(object)pool.MapReduceAsync((TIn[])list.Items, function, (Func<TR, TR, TR>)(object)reduce, options, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, null),
        };
}
