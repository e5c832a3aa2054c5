using System.Diagnostics;
using ActorMap.Messages;
using ActorMap.Remote;
using ActorMap.Runtime.Actor;

namespace ActorMap.Bench.Remote;

/// <summary>
/// Akka.NET's RemotePingPong: two actor systems over loopback TCP in one process, N clients on one
/// node each paired with an echo on the other, 100,000 round trips per client with 50 in flight.
/// Messages per second count both directions, as Akka does. Then payload throughput: 64 KiB
/// double arrays to an echo and back, MB/s counting both directions.
/// </summary>
internal static class RemotePingPongBenchmark
{
    private const long RoundTripsPerClient = 100_000;
    private const int InFlight = 50;
    private const int PayloadDoubles = 8 * 1024; // 64 KiB
    private const long PayloadRoundTrips = 4_000;
    private const int PayloadInFlight = 16;

    public static void Run(TextWriter output, int runs)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var client = ActorSystem.Create("pingpong");
        using var server = ActorSystem.Create("pingpong");
        var settings = new RemoteSettings { Hostname = "127.0.0.1", Secret = "bench" };
        var clientRemoting = Remoting.StartAsync(client, settings).GetAwaiter().GetResult();
        var serverRemoting = Remoting.StartAsync(server, settings).GetAwaiter().GetResult();
        try
        {
            output.WriteLine($"remote ping-pong over loopback: {RoundTripsPerClient:N0} round trips per client, {InFlight} in flight, {runs} runs");
            output.WriteLine("  clients      min msg/s    median msg/s       max msg/s");
            // Warm-up: connection, JIT and tiering.
            Measure(client, server, serverRemoting, 4, 20_000, InFlight, 1);
            foreach (var clients in (int[])[1, 10, 30])
            {
                var rates = Repeat(runs, () => Measure(client, server, serverRemoting, clients, RoundTripsPerClient, InFlight, 1));
                output.WriteLine($"  {clients,7} {rates[0],14:N0} {rates[rates.Length / 2],15:N0} {rates[^1],15:N0}");
            }
            var payload = DoubleArray.From(Enumerable.Range(0, PayloadDoubles).Select(i => i * 0.25).ToArray());
            var bytesPerRoundTrip = 2.0 * PayloadDoubles * sizeof(double);
            Measure(client, server, serverRemoting, 1, 200, PayloadInFlight, payload);
            var throughput = Repeat(runs, () =>
                Measure(client, server, serverRemoting, 1, PayloadRoundTrips, PayloadInFlight, payload) / 2 * bytesPerRoundTrip / 1e6);
            output.WriteLine($"payload: 64 KiB double arrays, echo and back, {PayloadInFlight} in flight, MB/s both directions");
            output.WriteLine($"  min {throughput[0]:N0}   median {throughput[throughput.Length / 2]:N0}   max {throughput[^1]:N0}");
        }
        finally
        {
            serverRemoting.DisposeAsync().AsTask().GetAwaiter().GetResult();
            clientRemoting.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static double[] Repeat(int runs, Func<double> measure)
    {
        var results = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            results[i] = measure();
        }
        Array.Sort(results);
        return results;
    }

    /// <summary>Messages per second, both directions counted.</summary>
    private static double Measure(ActorSystem client, ActorSystem server, Remoting serverRemoting, int pairs, long roundTrips, int inFlight, object message)
    {
        var actors = new List<(IActorRef Client, IActorRef Echo, IActorRef LocalEcho)>();
        for (var i = 0; i < pairs; i++)
        {
            var echo = server.ActorOf(Props.Create<RemoteEcho>());
            var remoteEcho = client.ResolveActorRef(echo.Path.WithAddress(serverRemoting.LocalAddress));
            actors.Add((client.ActorOf(Props.Create<RemotePingPongClient>()), remoteEcho, echo));
        }
        var done = new Task[pairs];
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < pairs; i++)
        {
            var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            done[i] = completion.Task;
            actors[i].Client.Tell(new StartPingPong(actors[i].Echo, roundTrips, inFlight, message, completion), ActorRefs.NoSender);
        }
        Task.WaitAll(done);
        watch.Stop();
        foreach (var (c, _, e) in actors)
        {
            client.Stop(c);
            server.Stop(e);
        }
        return roundTrips * 2.0 * pairs / watch.Elapsed.TotalSeconds;
    }
}
