using System.Numerics;
using System.Text.Json;
using ActorMap.Functions;

namespace ActorMap.Client.Tests.Functions;

/// <summary>The fold step of --reduce sum, driven directly as the pool's ordered left fold drives it.</summary>
public class SumReducerSpec
{
    [Fact]
    public void Sum_LongMaxValueTwice_IsExactAndWidensToInt128()
    {
        var outcome = Fold([long.MaxValue, long.MaxValue]);

        Assert.Equal(typeof(Int128), outcome.ValueType);
        Assert.Equal((Int128)long.MaxValue * 2, outcome.Value);
    }

    [Fact]
    public void Sum_NegativeOverflow_IsExact()
    {
        var outcome = Fold([long.MinValue, long.MinValue, -1]);

        Assert.Equal((Int128)long.MinValue * 2 - 1, outcome.Value);
    }

    [Fact]
    public void Sum_ThatOverflowsAndComesBack_IsALongAgain()
    {
        var outcome = Fold([long.MaxValue, long.MaxValue, -long.MaxValue, -long.MaxValue, 5]);

        Assert.Equal(typeof(long), outcome.ValueType);
        Assert.Equal(5L, outcome.Value);
    }

    [Fact]
    public void Sum_ThatFits_KeepsTheResultType()
    {
        var sum = BuiltinReducers.Sum<int>();

        var outcome = sum.Outcome(sum.Add(sum.Add(sum.Zero, 2), 3));

        Assert.Equal(typeof(int), outcome.ValueType);
        Assert.Equal(5, outcome.Value);
    }

    [Fact]
    public void Sum_IntResultsPastIntMaxValue_WidenToLong()
    {
        var sum = BuiltinReducers.Sum<int>();

        var outcome = sum.Outcome(sum.Add(sum.Add(sum.Zero, int.MaxValue), int.MaxValue));

        Assert.Equal(typeof(long), outcome.ValueType);
        Assert.Equal(2L * int.MaxValue, outcome.Value);
    }

    [Fact]
    public void Sum_UlongResultsPastUlongMaxValue_IsExact()
    {
        var sum = BuiltinReducers.Sum<ulong>();

        var outcome = sum.Outcome(sum.Add(sum.Add(sum.Zero, ulong.MaxValue), 1));

        Assert.Equal((Int128)ulong.MaxValue + 1, outcome.Value);
    }

    [Fact]
    public void Sum_Int128ResultsPastInt128_WidensToABigIntegerWrittenAsAPlainJsonNumber()
    {
        var sum = BuiltinReducers.Sum<Int128>();

        var outcome = sum.Outcome(sum.Add(sum.Add(sum.Add(sum.Zero, Int128.MaxValue), Int128.MaxValue), Int128.MaxValue));

        var expected = (BigInteger)Int128.MaxValue * 3;
        Assert.Equal(expected.ToString(), JsonSerializer.Serialize(outcome.Value, outcome.ValueType));
    }

    [Fact]
    public void Sum_BigIntegerResults_IsWrittenAsAPlainJsonNumber()
    {
        var sum = BuiltinReducers.Sum<BigInteger>();
        var big = BigInteger.Pow(10, 40);

        var outcome = sum.Outcome(sum.Add(sum.Add(sum.Zero, big), 1));

        Assert.Equal("10000000000000000000000000000000000000001", JsonSerializer.Serialize(outcome.Value, outcome.ValueType));
    }

    [Fact]
    public void Sum_RandomLongs_EqualsTheBigIntegerSum()
    {
        // Values near the ends of long make nearly every step overflow one way or the other.
        var random = new Random(20240611);
        var values = new long[10_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.Next(4) switch
            {
                0 => long.MaxValue - random.NextInt64(1000),
                1 => long.MinValue + random.NextInt64(1000),
                _ => random.NextInt64(long.MinValue, long.MaxValue),
            };
        }

        var outcome = Fold(values);

        var expected = BigInteger.Zero;
        foreach (var value in values)
        {
            expected += value;
        }
        Assert.Equal(expected.ToString(), JsonSerializer.Serialize(outcome.Value, outcome.ValueType));
    }

    [Fact]
    public void Sum_Doubles_StaysADouble()
    {
        var sum = BuiltinReducers.Sum<double>();

        var outcome = sum.Outcome(sum.Add(sum.Add(sum.Zero, double.MaxValue), double.MaxValue));

        Assert.Equal(typeof(double), outcome.ValueType);
        Assert.Equal(double.PositiveInfinity, outcome.Value);
    }

    private static JobOutcome Fold(long[] values)
    {
        var sum = BuiltinReducers.Sum<long>();
        var accumulator = sum.Zero;
        foreach (var value in values)
        {
            accumulator = sum.Add(accumulator, value);
        }
        return sum.Outcome(accumulator);
    }
}
