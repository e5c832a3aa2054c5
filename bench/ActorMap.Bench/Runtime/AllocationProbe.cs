using ActorMap.Runtime.Actor;

namespace ActorMap.Bench.Runtime;

/// <summary>
/// A direct cross-check of the diagnoser: process-wide allocated bytes around a million
/// messages of pipelined ping-pong, after a warm-up run, divided by the message count.
/// </summary>
internal static class AllocationProbe
{
    public static double BytesPerMessage(bool receiveActor)
    {
        using var system = ActorSystem.Create("allocprobe");
        var echo = system.ActorOf(receiveActor ? Props.Create<ReceiveEcho>() : Props.Create<UntypedEcho>());
        var client = system.ActorOf(receiveActor ? Props.Create<ReceiveClient>() : Props.Create<UntypedClient>());
        Run(client, echo, 200_000);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        const long roundTrips = 500_000;
        Run(client, echo, roundTrips);
        var after = GC.GetTotalAllocatedBytes(precise: true);
        return (after - before) / (2.0 * roundTrips);
    }

    private static void Run(IActorRef client, IActorRef echo, long roundTrips)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Tell(new StartRun(echo, roundTrips, 1000, done), ActorRefs.NoSender);
        done.Task.Wait();
    }
}
