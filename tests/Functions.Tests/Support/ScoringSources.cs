namespace ActorMap.Functions.Tests.Support;

/// <summary>
/// The C# of the "user" assemblies the specs ship: Scoring 1.0.0 and 2.0.0 have the same
/// name and types and different behaviour (Bump is x + 1 in one, x + 2 in the other), and
/// 2.0.0 uses a NuGet package (Fractions), so its set carries a package's assembly.
/// </summary>
internal static class ScoringSources
{
    public const string FailMessage = "three is not allowed";

    public const string Common = """
        using System;
        using System.Collections.Generic;

        namespace Scoring;

        public sealed record Scaler(long Factor, string Label)
        {
            public long Apply(long x) => x * Factor + Label.Length;
        }

        public sealed record Point(long X, long Y);

        public enum Shade
        {
            Light = 1,
            Dark = 2,
        }

        public sealed class Settings
        {
            public string Name { get; set; } = "";

            public Shade Shade { get; init; }

            public List<Point> Corners { get; set; } = new List<Point>();
        }

        public static class Closures
        {
            public static Func<long, long> Square() => x => x * x;

            public static T Same<T>(T x) => x;

            public static Func<long, long> Counted<T>(T[] items) => x => x + items.Length;

            public static Func<long, long> Shapes()
            {
                var points = new[] { new Point(1, 2), new Point(3, 4) };
                var named = new Dictionary<string, Point> { ["a"] = new Point(5, 6) };
                var shade = Shade.Dark;
                var settings = new Settings { Name = "box", Shade = Shade.Light, Corners = new List<Point> { new Point(7, 8) } };
                return x => x * points[1].Y + named["a"].X + (long)shade + settings.Name.Length + (long)settings.Shade + settings.Corners[0].Y;
            }

            public static Func<long, long> Weighted(int offset, int[] weights) => x => x * weights[x % weights.Length] + offset;

            public static Func<long, long> Nested(int offset, List<int> extra)
            {
                var outer = offset;
                Func<long, long> result = null;
                for (var i = 0; i < 1; i++)
                {
                    var inner = extra;
                    result = x => x + outer + inner.Count + i;
                }
                return result;
            }

            public static Func<long, long> Counting(Dictionary<string, long> table) => x => x + table.Count + table["base"];
        }

        public static class Failing
        {
            public static long Fail(long x)
            {
                if (x == 3)
                {
                    throw new InvalidOperationException("three is not allowed");
                }
                return x;
            }
        }
        """;

    public const string V1 = """
        [assembly: System.Reflection.AssemblyVersion("1.0.0.0")]

        namespace Scoring;

        public static class Score
        {
            public static long Bump(long x) => x + 1;

            public static string Version(long x) => "1:" + x;
        }
        """;

    public const string V2 = """
        using Fractions;

        [assembly: System.Reflection.AssemblyVersion("2.0.0.0")]

        namespace Scoring;

        public static class Score
        {
            public static long Bump(long x) => new Fraction(x).Add(new Fraction(4, 2)).ToInt64();

            public static string Version(long x) => "2:" + x;
        }
        """;

    /// <summary>A P/Invoke into a native library that only the shipped set provides (a copy of zlib under another name).</summary>
    public const string Native = """
        using System;
        using System.Runtime.InteropServices;

        [assembly: System.Reflection.AssemblyVersion("1.0.0.0")]

        namespace Zprobe;

        public static class Probe
        {
            [DllImport("actormapz")]
            private static extern IntPtr zlibVersion();

            public static long VersionLength(long x) => Marshal.PtrToStringAnsi(zlibVersion()).Length + x;
        }
        """;

    /// <summary>The 1-based line of <paramref name="text"/> in <see cref="Common"/>, for stack-trace line numbers.</summary>
    public static int LineOf(string text) =>
        Array.FindIndex(Common.Split('\n'), line => line.Contains(text, StringComparison.Ordinal)) + 1;
}
