using System.Diagnostics;
using System.Globalization;
using System.Text;
using ActorMap.Hocon;

namespace ActorMap.Bench.Hocon;

/// <summary>
/// Times parse + resolve of a generated ~1 MB config (nested objects, arrays, substitutions,
/// strings, numbers) and of a small typical config, after a warm-up, with a Stopwatch.
/// Target: the 1 MB config in under 100 ms warm.
/// </summary>
internal static class HoconParseBenchmark
{
    private const int WarmupRounds = 5;
    private const int LargeRounds = 15;
    private const int SmallRounds = 2_000;

    public static void Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var large = GenerateLarge(1024 * 1024);
        var small = GenerateSmall();
        output.WriteLine($"HOCON parse+resolve: large config {large.Length / 1024} KiB, small config {small.Length} chars");

        Report(output, "large (~1 MB)", Measure(large, LargeRounds), 1);
        Report(output, "small (30 keys) x100", Measure(small, SmallRounds / 100, repeat: 100), 100);
    }

    private static double[] Measure(string text, int rounds, int repeat = 1)
    {
        for (var i = 0; i < WarmupRounds * repeat; i++)
        {
            _ = HoconConfig.Parse(text, resolveEnv: false);
        }

        var timings = new double[rounds];
        for (var round = 0; round < rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < repeat; i++)
            {
                _ = HoconConfig.Parse(text, resolveEnv: false);
            }

            timings[round] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(timings);
        return timings;
    }

    private static void Report(TextWriter output, string name, double[] sorted, int repeat)
    {
        var median = sorted[sorted.Length / 2];
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {name,-22} min {sorted[0],8:F3} ms  median {median,8:F3} ms  max {sorted[^1],8:F3} ms  ({sorted.Length} rounds of {repeat})"));
    }

    private static string GenerateLarge(int targetChars)
    {
        var text = new StringBuilder(targetChars + 4096);
        text.Append("defaults { timeout = 5s, retries = 3, name = \"service\", ratio = 0.25 }\n");
        for (var host = 0; host < 50; host++)
        {
            text.Append("hosts.h").Append(host).Append(" = \"10.0.0.").Append(host).Append("\"\n");
        }

        for (var service = 0; text.Length < targetChars; service++)
        {
            var id = service.ToString(CultureInfo.InvariantCulture);
            text.Append("services.s").Append(id).Append(" = ${defaults} {\n");
            text.Append("  id = ").Append(id).Append('\n');
            text.Append("  host = \"host-").Append(id).Append(".example.com\"\n");
            text.Append("  port = ").Append(8000 + (service % 1000)).Append('\n');
            text.Append("  weight = ").Append(service % 10).Append(".5\n");
            text.Append("  enabled = ").Append(service % 2 == 0 ? "true" : "off").Append('\n');
            text.Append("  description = unquoted words for service ").Append(id).Append(" # trailing comment\n");
            text.Append("  tags = [alpha, \"beta\", gamma-").Append(id).Append(", 42, 3.14]\n");
            text.Append("  endpoint = \"http://\"${hosts.h").Append(service % 50).Append("}\":\"${defaults.retries}\n");
            text.Append("  limits { cpu = 2, memory = 512 MiB, nested { deeper { value = ").Append(id).Append(" } } }\n");
            text.Append("  pool { size = ${defaults.retries}, queue = [ { a = 1 }, { b = 2 } ] }\n");
            text.Append("}\n");
        }

        return text.ToString();
    }

    private static string GenerateSmall()
    {
        var text = new StringBuilder();
        text.Append("actormap {\n  system-name = demo\n  cluster {\n");
        for (var i = 0; i < 24; i++)
        {
            text.Append("    key-").Append(i).Append(" = ").Append(i % 3 == 0 ? "\"text value\"" : i % 3 == 1 ? "10s" : "42").Append('\n');
        }

        text.Append("    seeds = [\"127.0.0.1:4053\", \"127.0.0.2:4053\"]\n  }\n  remote.port = 4053\n  remote.hostname = ${?HOSTNAME}\n");
        text.Append("  timeout = ${actormap.cluster.key-1}\n  dispatcher { throughput = 100 }\n}\n");
        return text.ToString();
    }
}
