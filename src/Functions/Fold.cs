using ActorMap.Compute;
using ActorMap.Functions.Input;

namespace ActorMap.Functions;

/// <summary>A reducer delegate over results of <typeparamref name="TOut"/>, whatever its accumulator's type.</summary>
internal abstract class Fold<TOut>
{
    public abstract Task<JobOutcome> RunAsync<TIn>(MapPool pool, MapInput input, Func<TIn, TOut> function, MapOptions options, CancellationToken cancellationToken);

    /// <summary><paramref name="reduce"/> is a <c>Func&lt;TAcc, TOut, TAcc&gt;</c>; <paramref name="seed"/> a TAcc (or null).</summary>
    public static Fold<TOut> Create(Delegate reduce, bool hasSeed, object? seed)
    {
        ArgumentNullException.ThrowIfNull(reduce);
        var arguments = reduce.GetType().IsGenericType && reduce.GetType().GetGenericTypeDefinition() == typeof(Func<,,>)
            ? reduce.GetType().GetGenericArguments()
            : throw new ArgumentException($"a reducer must be a Func<TAcc, {typeof(TOut).Name}, TAcc>, not {reduce.GetType()}", nameof(reduce));
        if (arguments[1] != typeof(TOut) || arguments[0] != arguments[2])
        {
            throw new ArgumentException($"a reducer must be a Func<TAcc, {typeof(TOut).Name}, TAcc>, not {reduce.GetType()}", nameof(reduce));
        }
        var fold = typeof(Fold<,>).MakeGenericType(typeof(TOut), arguments[0]);
        return (Fold<TOut>)Activator.CreateInstance(fold, reduce, hasSeed, seed)!;
    }
}

/// <summary>reduce(reduce(seed, r0), r1)…, or from r0 without a seed (then TAcc is TOut).</summary>
internal sealed class Fold<TOut, TAcc>(Delegate reduce, bool hasSeed, object? seed) : Fold<TOut>
{
    private readonly Func<TAcc, TOut, TAcc> _reduce = (Func<TAcc, TOut, TAcc>)reduce;
    private readonly TAcc _seed = seed is null ? default! : (TAcc)seed;

    public override async Task<JobOutcome> RunAsync<TIn>(MapPool pool, MapInput input, Func<TIn, TOut> function, MapOptions options, CancellationToken cancellationToken)
    {
        if (!hasSeed && input.Length == 0)
        {
            throw new MapJobException("the reduce of an empty input has no value: give the reducer a seed");
        }
        var value = await PoolFolds.FoldAsync(pool, input, function, _reduce, hasSeed, _seed, options, cancellationToken).ConfigureAwait(false);
        return new JobOutcome(value, typeof(TAcc));
    }
}
