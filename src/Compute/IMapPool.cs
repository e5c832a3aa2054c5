namespace ActorMap.Compute;

/// <summary>
/// What <see cref="MapPool"/> (in-process) and the cluster's pool (ActorMap.Hosting's
/// <c>ClusterMapPool</c>) both do, so code moves from one to the other by changing the line
/// that creates the pool. Results come back in input order; a function that throws fails the
/// job with a <see cref="MapJobException"/> naming the element. <see cref="MapPoolInputs"/> adds
/// sequences and asynchronous sequences as inputs.
/// </summary>
public interface IMapPool : IAsyncDisposable
{
    /// <summary>Pool.map: every result, in input order.</summary>
    Task<TOut[]> MapAsync<TIn, TOut>(IReadOnlyList<TIn> input, Func<TIn, TOut> function, MapOptions? options = null, CancellationToken cancellationToken = default);

    Task<TOut[]> MapAsync<TOut>(LongRange input, Func<long, TOut> function, MapOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Map, then an ordered left fold of the results: reduce(reduce(r0, r1), r2)…; fails on empty input.</summary>
    Task<TOut> MapReduceAsync<TIn, TOut>(IReadOnlyList<TIn> input, Func<TIn, TOut> function, Func<TOut, TOut, TOut> reduce, MapOptions? options = null, CancellationToken cancellationToken = default);

    Task<TOut> MapReduceAsync<TOut>(LongRange input, Func<long, TOut> function, Func<TOut, TOut, TOut> reduce, MapOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Map, then an ordered left fold from <paramref name="seed"/> (the result of an empty input) into an accumulator of any type.</summary>
    Task<TAcc> MapReduceAsync<TIn, TOut, TAcc>(IReadOnlyList<TIn> input, Func<TIn, TOut> function, TAcc seed, Func<TAcc, TOut, TAcc> reduce, MapOptions? options = null, CancellationToken cancellationToken = default);

    Task<TAcc> MapReduceAsync<TOut, TAcc>(LongRange input, Func<long, TOut> function, TAcc seed, Func<TAcc, TOut, TAcc> reduce, MapOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Pool.imap: the results in input order, as a stream.</summary>
    IAsyncEnumerable<TOut> MapOrderedAsync<TIn, TOut>(IReadOnlyList<TIn> input, Func<TIn, TOut> function, MapOptions? options = null, CancellationToken cancellationToken = default);

    IAsyncEnumerable<TOut> MapOrderedAsync<TOut>(LongRange input, Func<long, TOut> function, MapOptions? options = null, CancellationToken cancellationToken = default);
}
