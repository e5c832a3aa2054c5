using ActorMap.Bench.Runtime;

namespace ActorMap.Bench;

internal static class Program
{
    private static int Main(string[] args)
    {
        var what = args.Length > 0 ? args[0] : "quick";
        if (what == "quick")
        {
            for (var i = 0; i < 3; i++)
            {
                Console.WriteLine($"receive  {PingPongBenchmark.MessagesPerSecond(true, 2, 30_000_000, 1000, 30) / 1e6:F1} M msg/s");
                Console.WriteLine($"untyped  {PingPongBenchmark.MessagesPerSecond(false, 2, 30_000_000, 1000, 30) / 1e6:F1} M msg/s");
                Console.WriteLine($"req-rep  {PingPongBenchmark.RoundTripsPerSecond(1_000_000, 30) / 1e6:F2} M rt/s");
            }
        }
        return 0;
    }
}
