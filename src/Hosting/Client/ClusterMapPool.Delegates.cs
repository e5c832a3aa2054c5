using System.Runtime.CompilerServices;
using ActorMap.Compute;
using ActorMap.Functions.Input;
using ActorMap.Functions.Shipping;
using Google.Protobuf;

namespace ActorMap.Hosting.Client;

/// <summary>
/// Jobs whose function is a delegate: packaged here (a capture that cannot travel is refused now,
/// naming it), its files uploaded where the Seed lacks them, then run as the same job a lambda
/// runs. A reducer delegate travels in the same package and folds on the Seed.
/// </summary>
public sealed partial class ClusterMapPool
{
    /// <summary>Bytes of assemblies this pool uploaded, every job together: a job whose files the cluster holds adds none.</summary>
    public long BytesUploaded => _client.BytesUploaded;

    public Task<TOut[]> MapAsync<TIn, TOut>(IReadOnlyList<TIn> input, Func<TIn, TOut> function, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        ShipAsync<TOut[]>(function, null, ListOf(input), options, cancellationToken);

    public Task<TOut[]> MapAsync<TOut>(LongRange input, Func<long, TOut> function, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        ShipAsync<TOut[]>(function, null, new RangeMapInput(input), options, cancellationToken);

    public Task<TOut> MapReduceAsync<TIn, TOut>(IReadOnlyList<TIn> input, Func<TIn, TOut> function, Func<TOut, TOut, TOut> reduce, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        ShipAsync<TOut>(function, Reducer(reduce, false, null), ListOf(input), options, cancellationToken);

    public Task<TOut> MapReduceAsync<TOut>(LongRange input, Func<long, TOut> function, Func<TOut, TOut, TOut> reduce, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        ShipAsync<TOut>(function, Reducer(reduce, false, null), new RangeMapInput(input), options, cancellationToken);

    public Task<TAcc> MapReduceAsync<TIn, TOut, TAcc>(IReadOnlyList<TIn> input, Func<TIn, TOut> function, TAcc seed, Func<TAcc, TOut, TAcc> reduce, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        ShipAsync<TAcc>(function, Reducer(reduce, true, seed), ListOf(input), options, cancellationToken);

    public Task<TAcc> MapReduceAsync<TOut, TAcc>(LongRange input, Func<long, TOut> function, TAcc seed, Func<TAcc, TOut, TAcc> reduce, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        ShipAsync<TAcc>(function, Reducer(reduce, true, seed), new RangeMapInput(input), options, cancellationToken);

    /// <summary>The results in input order, as a stream; they are sent once the job has finished.</summary>
    public async IAsyncEnumerable<TOut> MapOrderedAsync<TIn, TOut>(IReadOnlyList<TIn> input, Func<TIn, TOut> function, MapOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in await MapAsync(input, function, options, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    public async IAsyncEnumerable<TOut> MapOrderedAsync<TOut>(LongRange input, Func<long, TOut> function, MapOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in await MapAsync(input, function, options, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private static ReducerToShip Reducer(Delegate reduce, bool hasSeed, object? seed)
    {
        ArgumentNullException.ThrowIfNull(reduce);
        return new ReducerToShip(reduce, hasSeed, seed);
    }

    private async Task<T> ShipAsync<T>(Delegate function, ReducerToShip? reducer, MapInput input, MapOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        PackagedFunction packaged;
        try
        {
            packaged = DelegatePackager.Default.Package(function, reducer);
        }
        catch (UnshippableFunctionException e)
        {
            throw new ArgumentException(e.Message, nameof(function), e);
        }
        try
        {
            await _client.ShipAsync(packaged, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterJobException e)
        {
            throw e.Failure.UsageError ? new ArgumentException(e.Failure.Message, e) : e.ToMapJobException();
        }
        var submit = Submit(null, options);
        submit.FunctionPackage = ByteString.CopyFrom(packaged.Package.ToBytes());
        return await ExecuteAsync<T>(submit, input, options, cancellationToken).ConfigureAwait(false);
    }
}
