using System.Globalization;
using ActorMap.Compute;
using Harmonic;

namespace HarmonicApp;

/// <summary>
/// Six jobs, one kind of function each, every one printing one labelled line. The text depends
/// only on the results, so a run in process and a run on a cluster print the same bytes.
/// </summary>
internal static class HarmonicJobs
{
    public static async Task RunAsync(IMapPool pool, long count, TextWriter output)
    {
        var range = new LongRange(0, count);

        // A static method of the user's library, and a lambda as the reducer.
        long digits = await pool.MapReduceAsync(range, Series.DenominatorDigits, (a, b) => a + b);
        Print(output, "digits, summed", digits);

        // A static method as the reducer too.
        long longest = await pool.MapReduceAsync(range, Series.DenominatorDigits, Series.Longest);
        Print(output, "digits, longest", longest);

        // A closure: its captured int and array travel with it.
        long[] scored = await pool.MapAsync(range, Scored(7, [3, 1, 4, 1, 5]));
        Print(output, "closure, checksum", Checksum(scored));

        // An instance method: the record it belongs to travels with it.
        long[] weighted = await pool.MapAsync(range, new Weights(3, [5, 1, 4, 1]).Apply);
        Print(output, "record, checksum", Checksum(weighted));

        // A seeded fold into an accumulator of another type than the results.
        Histogram histogram = await pool.MapReduceAsync(range, Series.DenominatorDigits, new Histogram(), Series.Count);
        Print(output, "histogram", string.Join(' ', histogram.Counts.OrderBy(c => c.Key).Select(c => Invariant($"{c.Key}:{c.Value}"))));

        // Doubles: the fold is in input order on both pools, so the sum is the same to the last bit.
        double total = await pool.MapReduceAsync(range, Series.Value, (a, b) => a + b);
        Print(output, "values, summed", total.ToString("R", CultureInfo.InvariantCulture));
    }

    // A method of its own, so the closure holds scale and bonus only: a lambda written in
    // RunAsync could share its closure with RunAsync's other locals, such as the pool.
    private static Func<long, long> Scored(int scale, long[] bonus) =>
        x => Series.DenominatorDigits(x) * scale + bonus[x % bonus.Length];

    // Order-sensitive, so a result at another element's place changes it.
    private static ulong Checksum(long[] results)
    {
        var hash = 14_695_981_039_346_656_037UL;
        foreach (var result in results)
        {
            hash = unchecked((hash ^ (ulong)result) * 1_099_511_628_211UL);
        }
        return hash;
    }

    private static void Print(TextWriter output, string label, long value) => Print(output, label, Invariant($"{value}"));

    private static void Print(TextWriter output, string label, ulong value) => Print(output, label, Invariant($"{value}"));

    private static void Print(TextWriter output, string label, string value) => output.WriteLine($"{label,-18} {value}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
