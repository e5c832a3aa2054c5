using ActorMap.Compute.Jobs;
using Akka.Actor;

namespace ActorMap.Compute.Tests;

/// <summary>A sink that records what the aggregator releases, in release order.</summary>
internal sealed class RecordingSink(bool ordered = true, IActorRef? released = null) : ResultSink
{
    public List<(long FirstIndex, long[] Values)> Released { get; } = [];

    public bool Completed { get; private set; }

    public Exception? Error { get; private set; }

    public override bool Ordered => ordered;

    public override void Accept(long firstIndex, ChunkOutput output)
    {
        Released.Add((firstIndex, ((ChunkOutput<long>)output).Results));
        // Lets a spec wait for (or rule out) a release through the TestKit instead of polling the list.
        released?.Tell(firstIndex);
    }

    protected override void OnComplete() => Completed = true;

    protected override void OnFail(Exception error) => Error = error;
}

internal static class TestJobs
{
    public static JobSpec Spec(long length, int chunkSize, ResultSink sink, MapOptions? options = null, int workers = 2) =>
        new(1, new RangeInput(new LongRange(0, length)), new MapFunction<long, long>(x => x), sink,
            new ChunkPlan(length, workers, chunkSize), workers, options ?? new MapOptions(), new CancellationTokenSource());
}

/// <summary>Creates one child and forwards whatever the child sends it to the probe.</summary>
internal sealed class ForwardingParent : ReceiveActor
{
    public ForwardingParent(Props child, IActorRef probe)
    {
        var created = Context.ActorOf(child, "child");
        probe.Tell(created, Self);
        ReceiveAny(m => probe.Forward(m));
    }
}
