using ActorMap.Functions.Input;
using ActorMap.Compute;

namespace ActorMap.Functions;

/// <summary>A lambda (or a method) from TIn to TOut, with the reducer when --reduce gave a lambda or a method.</summary>
public sealed class TypedFunction<TIn, TOut> : TypedFunction
{
    private readonly Func<TIn, TOut> _function;
    private readonly Func<TOut, TOut, TOut>? _reduce;
    private readonly Fold<TOut>? _fold;

    internal TypedFunction(Func<TIn, TOut> function, Func<TOut, TOut, TOut>? reduce, Fold<TOut>? fold = null)
    {
        _function = function;
        _reduce = reduce;
        _fold = fold;
    }

    internal override Type InputType => typeof(TIn);

    internal override Type OutputType => typeof(TOut);

    internal override Compute.Jobs.IMapFunction CreateMapFunction() => new Compute.Jobs.MapFunction<TIn, TOut>(_function);

    /// <summary>Adds the --reduce lambda or method; a lambda is typed against TOut, so it is compiled in the same expression.</summary>
    public TypedFunction<TIn, TOut> WithReduce(Func<TOut, TOut, TOut> reduce)
    {
        ArgumentNullException.ThrowIfNull(reduce);
        return new TypedFunction<TIn, TOut>(_function, reduce);
    }

    internal override TypedFunction WithReducer(Delegate reduce) => WithReduce((Func<TOut, TOut, TOut>)reduce);

    internal override TypedFunction WithFold(Delegate reduce, bool hasSeed, object? seed) =>
        new TypedFunction<TIn, TOut>(_function, _reduce, Fold<TOut>.Create(reduce, hasSeed, seed));

    internal override async Task<JobOutcome> RunAsync(MapPool pool, MapInput input, ReduceChoice reduce, MapOptions options, CancellationToken cancellationToken)
    {
        switch (reduce.Kind)
        {
            case ReduceKind.None:
                return new JobOutcome(await MapAsync(pool, input, _function, options, cancellationToken), typeof(TOut[]));
            case ReduceKind.Sum:
                var sum = BuiltinReducers.Sum<TOut>();
                return sum.Outcome(await ReduceAsync(pool, input, _function, sum.Add, hasSeed: true, sum.Zero, options, cancellationToken));
            case ReduceKind.Count:
                return new JobOutcome(await ReduceAsync(pool, input, Counter(), static (a, b) => checked(a + b), hasSeed: true, 0L, options, cancellationToken), typeof(long));
            case ReduceKind.Min:
                return Reduced(await ReduceAsync(pool, input, _function, BuiltinReducers.Min<TOut>(), hasSeed: false, default!, options, cancellationToken, reduce));
            case ReduceKind.Max:
                return Reduced(await ReduceAsync(pool, input, _function, BuiltinReducers.Max<TOut>(), hasSeed: false, default!, options, cancellationToken, reduce));
            case ReduceKind.Lambda or ReduceKind.Method:
                var lambda = _reduce ?? throw new InvalidOperationException($"the reducer {reduce.Name} was not bound into the function");
                return Reduced(await ReduceAsync(pool, input, _function, lambda, hasSeed: false, default!, options, cancellationToken, reduce));
            case ReduceKind.Fold:
                var fold = _fold ?? throw new InvalidOperationException("no reducer was bound to the function");
                return await fold.RunAsync(pool, input, _function, options, cancellationToken).ConfigureAwait(false);
            default:
                throw new ArgumentOutOfRangeException(nameof(reduce), reduce.Kind, null);
        }
    }

    internal override async Task StreamJsonAsync(MapPool pool, MapInput input, MapOptions options, System.Text.Json.JsonSerializerOptions json,
        int partSize, Func<byte[], ValueTask> onPart, CancellationToken cancellationToken)
    {
        var results = input switch
        {
            RangeMapInput range => pool.MapOrderedAsync(range.Range, (Func<long, TOut>)(object)_function, options, cancellationToken),
            ListMapInput list => pool.MapOrderedAsync((TIn[])list.Items, _function, options, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, null),
        };
        using var buffer = new MemoryStream();
        await using var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = json.Encoder });
        writer.WriteStartArray();
        await foreach (var item in results.ConfigureAwait(false))
        {
            System.Text.Json.JsonSerializer.Serialize(writer, item, json);
            // Serialize flushes the writer into the buffer after each element.
            if (buffer.Length + writer.BytesPending >= partSize)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                // Awaited: a part the client has not taken yet holds the stream, and with it the job.
                await onPart(buffer.ToArray()).ConfigureAwait(false);
                buffer.SetLength(0);
            }
        }
        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await onPart(buffer.ToArray()).ConfigureAwait(false);
    }

    private static JobOutcome Reduced(TOut value) => new(value, typeof(TOut));

    // count is how many results there are or, for a bool function, how many are true
    // (Python's sum(map(pred, xs))). The function still runs on every element, so a throwing
    // element fails the job as it would without --reduce.
    private Func<TIn, long> Counter()
    {
        var function = _function;
        if (typeof(TOut) == typeof(bool))
        {
            var predicate = (Func<TIn, bool>)(object)function;
            return x => predicate(x) ? 1L : 0L;
        }
        return x =>
        {
            function(x);
            return 1L;
        };
    }

    private static Task<TR[]> MapAsync<TR>(MapPool pool, MapInput input, Func<TIn, TR> function, MapOptions options, CancellationToken cancellationToken) =>
        input switch
        {
            // A range is always an input of longs, so TIn is long here.
            RangeMapInput range => pool.MapAsync(range.Range, (Func<long, TR>)(object)function, options, cancellationToken),
            ListMapInput list => pool.MapAsync((TIn[])list.Items, function, options, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, null),
        };

    private static Task<TR> ReduceAsync<TR>(MapPool pool, MapInput input, Func<TIn, TR> function, Func<TR, TR, TR> reduce, bool hasSeed, TR seed,
        MapOptions options, CancellationToken cancellationToken, ReduceChoice? name = null)
    {
        if (!hasSeed && input.Length == 0)
        {
            // Like Python's min([]): there is no value to print, and 0 would be a lie.
            throw new MapJobException($"--reduce {name?.Name} of an empty input has no value");
        }
        return PoolFolds.FoldAsync(pool, input, function, reduce, hasSeed, seed, options, cancellationToken);
    }
}
