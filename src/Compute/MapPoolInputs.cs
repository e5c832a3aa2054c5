namespace ActorMap.Compute;

/// <summary>
/// Sequences as inputs of any <see cref="IMapPool"/>. A job cuts its input into chunks by index,
/// so a sequence is read to its end first (an <see cref="IAsyncEnumerable{T}"/> with the call's
/// cancellation), then mapped as a list; a list or an array goes to the pool as it is.
/// </summary>
public static class MapPoolInputs
{
    public static Task<TOut[]> MapAsync<TIn, TOut>(this IMapPool pool, IEnumerable<TIn> input, Func<TIn, TOut> function,
        MapOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return pool.MapAsync(AsList(input), function, options, cancellationToken);
    }

    public static async Task<TOut[]> MapAsync<TIn, TOut>(this IMapPool pool, IAsyncEnumerable<TIn> input, Func<TIn, TOut> function,
        MapOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return await pool.MapAsync(await ReadAsync(input, cancellationToken).ConfigureAwait(false), function, options, cancellationToken).ConfigureAwait(false);
    }

    public static Task<TOut> MapReduceAsync<TIn, TOut>(this IMapPool pool, IEnumerable<TIn> input, Func<TIn, TOut> function, Func<TOut, TOut, TOut> reduce,
        MapOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return pool.MapReduceAsync(AsList(input), function, reduce, options, cancellationToken);
    }

    public static async Task<TOut> MapReduceAsync<TIn, TOut>(this IMapPool pool, IAsyncEnumerable<TIn> input, Func<TIn, TOut> function, Func<TOut, TOut, TOut> reduce,
        MapOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return await pool.MapReduceAsync(await ReadAsync(input, cancellationToken).ConfigureAwait(false), function, reduce, options, cancellationToken).ConfigureAwait(false);
    }

    public static Task<TAcc> MapReduceAsync<TIn, TOut, TAcc>(this IMapPool pool, IEnumerable<TIn> input, Func<TIn, TOut> function, TAcc seed, Func<TAcc, TOut, TAcc> reduce,
        MapOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return pool.MapReduceAsync(AsList(input), function, seed, reduce, options, cancellationToken);
    }

    public static async Task<TAcc> MapReduceAsync<TIn, TOut, TAcc>(this IMapPool pool, IAsyncEnumerable<TIn> input, Func<TIn, TOut> function, TAcc seed, Func<TAcc, TOut, TAcc> reduce,
        MapOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return await pool.MapReduceAsync(await ReadAsync(input, cancellationToken).ConfigureAwait(false), function, seed, reduce, options, cancellationToken).ConfigureAwait(false);
    }

    private static IReadOnlyList<T> AsList<T>(IEnumerable<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input as IReadOnlyList<T> ?? [.. input];
    }

    private static async Task<IReadOnlyList<T>> ReadAsync<T>(IAsyncEnumerable<T> input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var items = new List<T>();
        await foreach (var item in input.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            items.Add(item);
        }
        return items;
    }
}
