using System.Globalization;

namespace ActorMap.Bench.Python;

/// <summary>
/// One job both ways: the actormap console's arguments and the bench/python script (with its
/// arguments) that computes the same answer with multiprocessing.Pool(2).map.
/// </summary>
internal sealed record Workload(string Name, string[] ActorMap, string[] Python, bool FloatingPoint)
{
    public const string HeavyLambda = "x => { var s = 0.0; for (var i = 0; i < 2000; i++) s += Math.Sqrt(i + x); return s; }";

    // --workers 2 on every job: Python's side is Pool(2), so the comparison holds on a bigger machine too.
    public static Workload[] All(string scripts, string rowsFile) =>
    [
        new("square", ["map", "x => x * x", "--range", "0..10000000", "--reduce", "sum", "--workers", "2"],
            [Path.Combine(scripts, "square.py")], FloatingPoint: false),
        new("rows", ["map", "row => row.Count(v => v >= 4 && v <= 8)", "--input", rowsFile, "--reduce", "sum", "--workers", "2"],
            [Path.Combine(scripts, "rows.py"), rowsFile], FloatingPoint: false),
        new("heavy", ["map", HeavyLambda, "--range", "0..20000", "--reduce", "sum", "--workers", "2"],
            [Path.Combine(scripts, "heavy.py")], FloatingPoint: true),
    ];

    /// <summary>
    /// Throws unless both printed the same answer: integers exactly (they exceed a long, so as
    /// text), doubles to 1e-12 relative, because Python 3.12's sum() compensates rounding and
    /// a chunked sum may add in another order.
    /// </summary>
    public void CheckSameAnswer(string actorMap, string python)
    {
        var a = actorMap.Trim();
        var p = python.Trim();
        var same = FloatingPoint
            ? double.TryParse(a, CultureInfo.InvariantCulture, out var x) && double.TryParse(p, CultureInfo.InvariantCulture, out var y)
                && Math.Abs(x - y) <= 1e-12 * Math.Abs(y)
            : a == p;
        if (!same)
        {
            throw new InvalidOperationException($"{Name}: the answers differ: actormap printed '{a}', python '{p}'");
        }
    }
}
