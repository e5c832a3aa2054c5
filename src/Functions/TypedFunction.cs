using ActorMap.Functions.Input;
using ActorMap.Compute;

namespace ActorMap.Functions;

/// <summary>
/// A user's lambda with its element and result types fixed. Public because the generated
/// wrapper of each lambda, a separate assembly, calls <see cref="Create"/>; everything it
/// does is internal to the console.
/// </summary>
public abstract class TypedFunction
{
    private protected TypedFunction()
    {
    }

    internal abstract Type InputType { get; }

    internal abstract Type OutputType { get; }

    /// <summary>
    /// The typed function. <paramref name="witness"/> only fixes TIn for the lambda's parameter,
    /// so the compiler infers TOut from the lambda's body.
    /// </summary>
    public static TypedFunction<TIn, TOut> Create<TIn, TOut>(TIn witness, Func<TIn, TOut> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new TypedFunction<TIn, TOut>(function, null);
    }

    /// <summary>A <c>Func&lt;TIn, TOut&gt;</c> bound at run time (a shipped or loaded method) as its typed function.</summary>
    internal static TypedFunction Of(Delegate function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var type = function.GetType();
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Func<,>))
        {
            throw new ArgumentException($"a function must be a Func<TIn, TOut>, not {type}", nameof(function));
        }
        var arguments = type.GetGenericArguments();
        return (TypedFunction)Activator.CreateInstance(typeof(TypedFunction<,>).MakeGenericType(arguments),
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic, null, [function, null, null], null)!;
    }

    /// <summary>The function with a <c>Func&lt;TOut, TOut, TOut&gt;</c> reducer (a method's), run as <see cref="ReduceKind.Lambda"/> or <see cref="ReduceKind.Method"/>.</summary>
    internal abstract TypedFunction WithReducer(Delegate reduce);

    /// <summary>
    /// The function with a reducer delegate, a <c>Func&lt;TAcc, TOut, TAcc&gt;</c> (a shipped
    /// method's, bound on the Seed), folding from <paramref name="seed"/> when <paramref name="hasSeed"/>;
    /// run with <see cref="ReduceChoice.Fold"/>.
    /// </summary>
    internal abstract TypedFunction WithFold(Delegate reduce, bool hasSeed, object? seed);

    /// <summary>The map function alone, as a worker applies it to chunks.</summary>
    internal abstract Compute.Jobs.IMapFunction CreateMapFunction();

    /// <summary>Runs the job on the pool: the whole result array, or the reduced value.</summary>
    internal abstract Task<JobOutcome> RunAsync(MapPool pool, MapInput input, ReduceChoice reduce, MapOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a map job and writes its results as one JSON array, handed over in parts of about
    /// <paramref name="partSize"/> bytes as soon as each prefix of the input is done (imap).
    /// A part always ends between two elements, never inside one.
    /// </summary>
    internal abstract Task StreamJsonAsync(MapPool pool, MapInput input, MapOptions options, System.Text.Json.JsonSerializerOptions json,
        int partSize, Func<byte[], ValueTask> onPart, CancellationToken cancellationToken);
}
