using System.Diagnostics;
using ActorMap.Runtime.Actor;

namespace ActorMap.Bench.Runtime;

/// <summary>
/// Akka.NET's two in-process shapes: pipelined ping-pong (client/echo pairs, many messages in
/// flight; every message in either direction counts) and strict request-reply (one in flight).
/// </summary>
internal static class PingPongBenchmark
{
    public static double MessagesPerSecond(bool receiveActor, int pairs, long totalMessages, int inFlight, int throughput, bool preferLocalQueue = true)
    {
        using var system = ActorSystem.Create("pingpong", new ActorSystemSettings { Throughput = throughput, PreferLocalQueue = preferLocalQueue });
        var roundTripsPerClient = totalMessages / (2L * pairs);
        var runs = new List<(IActorRef Client, IActorRef Echo)>();
        for (var i = 0; i < pairs; i++)
        {
            var echo = system.ActorOf(receiveActor ? Props.Create<ReceiveEcho>() : Props.Create<UntypedEcho>());
            var client = system.ActorOf(receiveActor ? Props.Create<ReceiveClient>() : Props.Create<UntypedClient>());
            runs.Add((client, echo));
        }
        var done = runs.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < pairs; i++)
        {
            runs[i].Client.Tell(new StartRun(runs[i].Echo, roundTripsPerClient, inFlight, done[i]), ActorRefs.NoSender);
        }
        Task.WaitAll(done.Select(d => d.Task).ToArray());
        watch.Stop();
        return roundTripsPerClient * 2.0 * pairs / watch.Elapsed.TotalSeconds;
    }

    public static double RoundTripsPerSecond(long roundTrips, int throughput, bool preferLocalQueue = true)
    {
        using var system = ActorSystem.Create("requestreply", new ActorSystemSettings { Throughput = throughput, PreferLocalQueue = preferLocalQueue });
        var echo = system.ActorOf(Props.Create<ReceiveEcho>());
        var client = system.ActorOf(Props.Create<ReceiveClient>());
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = Stopwatch.StartNew();
        client.Tell(new StartRun(echo, roundTrips, 1, done), ActorRefs.NoSender);
        done.Task.Wait();
        watch.Stop();
        return roundTrips / watch.Elapsed.TotalSeconds;
    }
}
