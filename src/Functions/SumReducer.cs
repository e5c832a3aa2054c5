using System.Numerics;

namespace ActorMap.Functions;

/// <summary>
/// One job's --reduce sum: <see cref="Add"/> is the fold step, <see cref="Outcome"/> turns the
/// folded value into the result. Holds per-job state, so a new one is made for every job; the
/// pool folds sequentially in input order, so the state needs no lock.
/// </summary>
internal abstract class SumReducer<T>
{
    public abstract T Zero { get; }

    public abstract T Add(T a, T b);

    public abstract JobOutcome Outcome(T folded);
}

/// <summary>Floating and decimal sums: plain (checked) addition in the result type, as before.</summary>
internal sealed class CheckedSum<T> : SumReducer<T>
    where T : INumberBase<T>
{
    public override T Zero => T.Zero;

    public override T Add(T a, T b) => checked(a + b);

    // A BigInteger never overflows, but System.Text.Json cannot write it as a number.
    public override JobOutcome Outcome(T folded) => folded is BigInteger big
        ? ExactInteger.Outcome(big)
        : new JobOutcome(folded, typeof(T));
}

/// <summary>
/// An integer sum that never overflows, as in Python. The accumulator stays a T, added with one
/// compare per element; when a step would overflow, both addends move into a wider spill of
/// type <typeparamref name="TWide"/> and the accumulator starts again from zero. The exact sum is
/// spill + accumulator: a T when no step overflowed, else the narrowest of long, Int128 and
/// BigInteger that holds it.
/// TWide = Int128 is enough for results up to 64 bits: n of them sum to at most n·2^64 &lt; 2^127
/// for any n a job can have (n &lt; 2^63).
/// </summary>
internal sealed class ExactIntegerSum<T, TWide> : SumReducer<T>
    where T : IBinaryInteger<T>, IMinMaxValue<T>
    where TWide : IBinaryInteger<TWide>
{
    private static readonly bool s_signed = T.IsNegative(T.MinValue);

    private TWide _spill = TWide.Zero;
    private bool _spilled;

    public override T Zero => T.Zero;

    public override T Add(T a, T b)
    {
        var sum = unchecked(a + b);
        // Signed overflow: both addends differ in sign from the wrapped sum. Unsigned: it wrapped below a.
        var overflowed = s_signed ? T.IsNegative((a ^ sum) & (b ^ sum)) : sum < a;
        if (!overflowed)
        {
            return sum;
        }
        _spill = checked(_spill + TWide.CreateChecked(a) + TWide.CreateChecked(b));
        _spilled = true;
        return T.Zero;
    }

    public override JobOutcome Outcome(T folded) => _spilled
        ? ExactInteger.Outcome(BigInteger.CreateChecked(_spill) + BigInteger.CreateChecked(folded))
        : new JobOutcome(folded, typeof(T));
}
