using System.Numerics;
using Fractions;

namespace Harmonic;

/// <summary>
/// Exact harmonic numbers H(n) = 1 + 1/2 + … + 1/n, in rational arithmetic (the Fractions
/// package): expensive enough per element that spreading it over cores pays.
/// </summary>
public static class Series
{
    /// <summary>How many terms an element sums: 1 to <see cref="MaxTerms"/>, cycling with x.</summary>
    public const int MaxTerms = 120;

    /// <summary>The number of decimal digits of H(x mod 120 + 1)'s denominator.</summary>
    public static long DenominatorDigits(long x) => BigInteger.Abs(Number(Terms(x)).Denominator).ToString().Length;

    /// <summary>H(x mod 120 + 1), rounded to a double.</summary>
    public static double Value(long x) => Number(Terms(x)).ToDouble();

    /// <summary>A reducer: the larger of two digit counts.</summary>
    public static long Longest(long a, long b) => Math.Max(a, b);

    /// <summary>A seeded reducer whose accumulator differs from the results: digits counted per length.</summary>
    public static Histogram Count(Histogram histogram, long digits) => histogram.Add(digits);

    internal static int Terms(long x) => (int)(((x % MaxTerms) + MaxTerms) % MaxTerms) + 1;

    internal static Fraction Number(int terms)
    {
        var sum = Fraction.Zero;
        for (var k = 1; k <= terms; k++)
        {
            sum += new Fraction(1, k);
        }
        return sum;
    }
}
