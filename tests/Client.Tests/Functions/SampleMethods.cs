namespace ActorMap.Client.Tests.Functions;

/// <summary>Methods the specs bind by name, with this test assembly as --assembly: overloads, a nested type, one that throws.</summary>
public static class SampleMethods
{
    public static long Score(long x) => x * 10;

    public static string Score(string s) => s + "!";

    public static double Score(double x) => x / 2;

    public static long Add(long a, long b) => a + b;

    /// <summary>Fails on element 5 of --range 0..10.</summary>
    public static long Invert(long x) => 100 / (x - 5);

    public static void Nothing(long x)
    {
        _ = x;
    }

    public static class Inner
    {
        public static long Twice(long x) => 2 * x;
    }
}
