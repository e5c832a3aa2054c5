namespace ActorMap.Bench.Runtime;

/// <summary>Runs the runtime benchmarks side by side and prints min/median/max of each.</summary>
internal static class RuntimeReport
{
    public static void Run(TextWriter output, int runs, long totalMessages)
    {
        output.WriteLine($"Pipelined ping-pong: 2 client/echo pairs, 1,000 in flight per client, {totalMessages:N0} messages per run (both directions counted), throughput 30, {runs} runs");
        Report(output, "ReceiveActor", "M msg/s", runs, () => PingPongBenchmark.MessagesPerSecond(true, 2, totalMessages, 1000, 30) / 1e6);
        Report(output, "ActorBase (UntypedActor)", "M msg/s", runs, () => PingPongBenchmark.MessagesPerSecond(false, 2, totalMessages, 1000, 30) / 1e6);
        Report(output, "ReceiveActor, global queue", "M msg/s", runs, () => PingPongBenchmark.MessagesPerSecond(true, 2, totalMessages, 1000, 30, preferLocalQueue: false) / 1e6);
        output.WriteLine("Strict request-reply: one client, one echo, one message in flight");
        Report(output, "ReceiveActor", "M round trips/s", runs, () => PingPongBenchmark.RoundTripsPerSecond(2_000_000, 30) / 1e6);
        Report(output, "ReceiveActor, global queue", "M round trips/s", runs, () => PingPongBenchmark.RoundTripsPerSecond(1_000_000, 30, preferLocalQueue: false) / 1e6);
        output.WriteLine("Allocation cross-check (GC.GetTotalAllocatedBytes around 1,000,000 pipelined messages)");
        output.WriteLine($"  ReceiveActor              {AllocationProbe.BytesPerMessage(true):F3} bytes/msg");
        output.WriteLine($"  ActorBase (UntypedActor)  {AllocationProbe.BytesPerMessage(false):F3} bytes/msg");
    }

    private static void Report(TextWriter output, string name, string unit, int runs, Func<double> measure)
    {
        measure();
        var results = Enumerable.Range(0, runs).Select(_ => measure()).Order().ToArray();
        output.WriteLine($"  {name,-26} min {results[0],6:F2}  median {results[results.Length / 2],6:F2}  max {results[^1],6:F2}  {unit}");
    }
}
