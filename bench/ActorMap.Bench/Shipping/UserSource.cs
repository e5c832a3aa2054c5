using System.Globalization;
using System.Text;

namespace ActorMap.Bench.Shipping;

/// <summary>
/// The C# of the shipped user library: <c>Work</c>, exact rational arithmetic with the Fractions
/// package (its one dependency), tens of microseconds per element; <c>Cheap</c>, one multiply-add,
/// whose lambda-source twin is <see cref="CheapLambda"/>; <c>WorkBig</c>, Work's cost with the
/// framework's BigInteger alone, with a lambda-source twin too; <c>Sum</c>, the reducer, so no delegate
/// of the bench's own assembly (and its 30-odd dependencies) is ever shipped. A large constant
/// table and many small generated methods bring the DLL to about 200 KB, as a real library's
/// metadata and data would; <c>RunId</c> makes every compile's bytes, and so its hash, new.
/// </summary>
internal static class UserSource
{
    public const string Namespace = "ShippingBench";

    public const string Type = Namespace + ".Scoring";

    /// <summary>Terms of the rational sum each <c>Work</c> element adds: about 50 µs here.</summary>
    public const int Terms = 100;

    /// <summary>The same function as <c>Cheap</c>, as lambda source the nodes compile.</summary>
    public const string CheapLambda = "x => x * 3 + 7";

    /// <summary>
    /// <c>WorkBig</c>'s body: Work's sum of 100 fractions again, with BigInteger alone (the
    /// framework's, which lambda source may use), so the very same code runs shipped and as
    /// lambda source the node compiles (<see cref="WorkBigLambda"/>), side by side in one process.
    /// </summary>
    private const string WorkBigBody = """
            var num = System.Numerics.BigInteger.Zero;
            var den = System.Numerics.BigInteger.One;
            var start = x % 50 + 1;
            for (var k = 0; k < 100; k++)
            {
                var d = start + k;
                num = num * d + den * ((x + k) % 7 + 1);
                den *= d;
                var g = System.Numerics.BigInteger.GreatestCommonDivisor(num, den);
                num /= g;
                den /= g;
            }
            return (long)(num % 1_000_003);
        """;

    public const string WorkBigLambda = "x =>\n{\n" + WorkBigBody + "\n}";

    // 8 bytes each as an RVA blob: 20,000 entries are 160 KB of the DLL.
    private const int TableEntries = 20_000;

    private const int GeneratedMethods = 300;

    public static string Library(string runId)
    {
        var source = new StringBuilder(400_000);
        source.Append(CultureInfo.InvariantCulture, $$"""
            using System.Numerics;
            using Fractions;

            namespace {{Namespace}};

            public static class Scoring
            {
                public const string RunId = "{{runId}}";

                public static long Work(long x)
                {
                    var sum = Fraction.Zero;
                    var start = x % 50 + 1;
                    for (var k = 0; k < {{Terms}}; k++)
                    {
                        sum += new Fraction(Tables.Weights[(int)((x + k) % Tables.Weights.Length)] % 7 + 1, start + k);
                    }
                    return (long)(BigInteger.Abs(sum.Numerator) % 1_000_003);
                }

                public static long WorkBig(long x)
                {
            {{WorkBigBody}}
                }

                public static long Cheap(long x) => x * 3 + 7;

                public static long Sum(long a, long b) => a + b;
            }

            public static class Tables
            {
                public static readonly string Stamp = Scoring.RunId;

                public static readonly long[] Weights = new long[] {
            """);
        var random = new Random(13);
        for (var i = 0; i < TableEntries; i++)
        {
            source.Append(random.NextInt64(1, long.MaxValue).ToString(CultureInfo.InvariantCulture)).Append(i % 8 == 7 ? ",\n" : ", ");
        }
        source.Append("};\n}\n\npublic static class Generated\n{\n");
        for (var i = 0; i < GeneratedMethods; i++)
        {
            source.Append(CultureInfo.InvariantCulture,
                $"    public static long Step{i}(long x) => (x * {2 * i + 3} + {i}) ^ (x >> {i % 13 + 1});\n");
        }
        source.Append("}\n");
        return source.ToString();
    }

    /// <summary>A library of a few bytes and no dependency: warms the nodes' shipping path, not what is measured.</summary>
    public static string Warmup(string runId) => $$"""
        namespace {{Namespace}}Warmup;

        public static class Identity
        {
            public const string RunId = "{{runId}}";

            public static long Of(long x) => x;

            public static long Sum(long a, long b) => a + b;
        }
        """;
}
