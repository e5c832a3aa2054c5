using System.Numerics;

namespace ActorMap.Client.Tests.Support;

/// <summary>
/// samples/Harmonic as a user points --assembly at it (built first by the project reference),
/// and the values its methods must give, computed here with our own exact arithmetic so a
/// wrong binding or a wrong element order fails.
/// </summary>
internal static class HarmonicLibrary
{
    /// <summary>samples/Harmonic/bin/&lt;the tests' configuration&gt;/net10.0/Harmonic.dll.</summary>
    public static string DllPath { get; } = Path.Combine(
        RepositoryRoot.Find(), "samples", "Harmonic", "bin", Configuration(), "net10.0", "Harmonic.dll");

    /// <summary>Decimal digits of the reduced denominator of H(x mod 120 + 1).</summary>
    public static long DenominatorDigits(long x)
    {
        var terms = (int)(((x % 120) + 120) % 120) + 1;
        var (numerator, denominator) = (BigInteger.Zero, BigInteger.One);
        for (var k = 1; k <= terms; k++)
        {
            // a/b + 1/k = (a k + b) / (b k), reduced at every step.
            (numerator, denominator) = (numerator * k + denominator, denominator * k);
            var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
            (numerator, denominator) = (numerator / gcd, denominator / gcd);
        }
        return denominator.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
    }

    // bin/Debug/net10.0/ of this test assembly: the sample was built with the same configuration.
    private static string Configuration() =>
        Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)))!;
}
