using System.Globalization;
using ActorMap.Compute;

namespace ActorMap.Bench.Shipping;

/// <summary>
/// Issue 13's figures for a ~200 KB library with one NuGet dependency: what the first job of a
/// library the cluster has never seen adds (upload, fetch, load), that the second adds nothing
/// measurable, and what calling the shipped delegate costs per element against the same delegate
/// in a local pool. Every figure is a ratio of two runs made side by side in one repetition,
/// shown as min / median / max over the repetitions.
/// </summary>
internal static class ShippingReport
{
    // Far from the cluster suite's 4953; a new port per repetition, so no port lingering from the
    // last repetition's Seed is ever in the way.
    private const int FirstSeedPort = 4971;

    private const int Workers = 1;

    public static void Run(TextWriter output, int runs)
    {
        var root = Path.Combine(Path.GetTempPath(), $"actormap-bench-shipping-{Environment.ProcessId}");
        output.WriteLine($"Seed (no workers of its own) + 1 WorkerNode ({Workers} worker) as processes on loopback, fresh stores and a new library each run; {runs} runs");
        using var local = MapPool.Create(new MapOptions { Workers = Workers });
        var repetitions = new List<Repetition>();
        try
        {
            for (var i = 0; i < runs; i++)
            {
                var repetition = ShippingRun.Measure(i, Path.Combine(root, i.ToString(CultureInfo.InvariantCulture)), FirstSeedPort + i % 20, Workers, local);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  run {i + 1}: first {repetition.FirstMs:F0} ms, second {repetition.SecondMs:F0}, third {repetition.ThirdMs:F0}, lambda {repetition.LambdaMs:F0}; Work shipped / local {repetition.Cost.Ratio(Variant.Shipped, Variant.Local, false):F3} (late half {repetition.Cost.Ratio(Variant.Shipped, Variant.Local, true):F3}), {repetition.Cost.WholeNs[(int)Variant.Local] / 1000:F1} µs local"));
                repetitions.Add(repetition);
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
        Print(output, repetitions);
    }

    private static void Print(TextWriter output, List<Repetition> r)
    {
        var sample = r[0];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"library {sample.DllBytes / 1024.0:F0} KB (+ {sample.PdbBytes / 1024.0:F0} KB PDB), Fractions.dll {new FileInfo(UserLibrary.FractionsPath).Length / 1024.0:F0} KB"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bytes uploaded: first job {Join(r.Select(x => x.FirstBytes))}; second {Join(r.Select(x => x.SecondBytes))}; third {Join(r.Select(x => x.ThirdBytes))}"));
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cheap job: Cheap over {ShippingRun.CheapElements:N0} elements in chunks of {ShippingRun.CheapChunk:N0}, sum-reduced; Work: {PerElementRounds.Elements:N0} elements in chunks of {PerElementRounds.Chunk:N0}, {PerElementRounds.Rounds} rounds, median chunk"));
        output.WriteLine($"  {"",-62} {"min",8} {"median",8} {"max",8}");
        Line(output, "first job / second job (same library)", r.Select(x => x.FirstMs / x.SecondMs), "F2");
        Line(output, "first job - second job, ms (upload + fetch + load)", r.Select(x => x.FirstMs - x.SecondMs), "F0");
        Line(output, "second job / third job", r.Select(x => x.SecondMs / x.ThirdMs), "F2");
        Line(output, "second job / the same job as lambda source (warm)", r.Select(x => x.SecondMs / x.LambdaMs), "F2");
        Line(output, "node's first chunk, first job / second job (fetch + load)", r.Select(x => x.FirstChunkMsFirst / x.FirstChunkMsSecond), "F1");
        Line(output, "node's first chunk, first job - second job, ms", r.Select(x => x.FirstChunkMsFirst - x.FirstChunkMsSecond), "F0");
        output.WriteLine("  per element in the worker (median chunk; whole job but its first chunk | its second half only):");
        Ratios(output, "WorkBig on the node, shipped / lambda source", r, Variant.BigShipped, Variant.BigLambda);
        Ratios(output, "Work, shipped / local pool", r, Variant.Shipped, Variant.Local);
        Ratios(output, "Work, local pool as a node loads it / as the caller has it", r, Variant.LocalAsNode, Variant.Local);
        Ratios(output, "Work, shipped / local pool as a node loads it", r, Variant.Shipped, Variant.LocalAsNode);
    }

    private static void Ratios(TextWriter output, string name, List<Repetition> r, Variant a, Variant b)
    {
        Line(output, "  " + name, r.Select(x => x.Cost.Ratio(a, b, late: false)), "F3");
        Line(output, "  " + name + ", late half", r.Select(x => x.Cost.Ratio(a, b, late: true)), "F3");
    }

    private static void Line(TextWriter output, string name, IEnumerable<double> values, string format)
    {
        var sorted = values.Order().ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-62} {sorted[0].ToString(format, CultureInfo.InvariantCulture),8} {sorted[sorted.Length / 2].ToString(format, CultureInfo.InvariantCulture),8} {sorted[^1].ToString(format, CultureInfo.InvariantCulture),8}"));
    }

    private static string Join(IEnumerable<long> bytes) => string.Join(", ", bytes.Distinct().Order().Select(b => b.ToString("N0", CultureInfo.InvariantCulture)));
}
