using ActorMap.Compute.Actors;
using ActorMap.Compute.Jobs;
using Akka.Actor;
using FsCheck;
using FsCheck.Fluent;

namespace ActorMap.Compute.Tests.Actors;

//   parent (forwards to TestActor) ── aggregator
public class AggregatorSpec : Akka.TestKit.Xunit2.TestKit
{
    private IActorRef StartAggregator(JobSpec job)
    {
        Sys.ActorOf(Props.Create(() => new ForwardingParent(Props.Create(() => new Aggregator(job)), TestActor)));
        return ExpectMsg<IActorRef>();
    }

    private static ChunkResult Result(JobSpec job, int chunk) =>
        new(job.JobId, chunk, job.Plan.FirstIndex(chunk),
            new ChunkOutput<long>(Enumerable.Range(0, job.Plan.CountOf(chunk)).Select(i => job.Plan.FirstIndex(chunk) + i).ToArray()));

    [Fact]
    public void Aggregator_must_release_results_in_input_order_when_chunks_finish_out_of_order()
    {
        var sink = new RecordingSink();
        var job = TestJobs.Spec(length: 50, chunkSize: 10, sink);
        var aggregator = StartAggregator(job);

        foreach (var chunk in new[] { 3, 1, 4, 0, 2 })
        {
            aggregator.Tell(Result(job, chunk));
        }

        ExpectMsg<JobSucceeded>();
        Assert.Equal([0L, 10, 20, 30, 40], sink.Released.Select(r => r.FirstIndex));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), sink.Released.SelectMany(r => r.Values));
    }

    [Fact]
    public void Aggregator_must_hold_a_chunk_until_the_prefix_before_it_is_complete()
    {
        var releases = CreateTestProbe("releases");
        var job = TestJobs.Spec(length: 30, chunkSize: 10, new RecordingSink(released: releases.Ref));
        var aggregator = StartAggregator(job);

        aggregator.Tell(Result(job, 1));
        aggregator.Tell(Result(job, 2));
        releases.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        aggregator.Tell(Result(job, 0));

        Assert.Equal([0L, 10, 20], new[] { releases.ExpectMsg<long>(), releases.ExpectMsg<long>(), releases.ExpectMsg<long>() });
        ExpectMsg<JobSucceeded>();
    }

    [Fact]
    public void Aggregator_must_drop_a_duplicate_chunk_result()
    {
        var sink = new RecordingSink();
        var job = TestJobs.Spec(length: 20, chunkSize: 10, sink);
        var aggregator = StartAggregator(job);

        aggregator.Tell(Result(job, 0));
        aggregator.Tell(Result(job, 0));
        aggregator.Tell(Result(job, 1));
        aggregator.Tell(Result(job, 1));

        ExpectMsg<JobSucceeded>();
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(20, sink.Released.Sum(r => r.Values.Length));
    }

    [Fact]
    public void Aggregator_must_release_each_element_exactly_once_in_order_for_any_arrival_order_with_duplicates()
    {
        var property = Prop.ForAll(
            Gen.Choose(1, 40).SelectMany(chunks => Gen.Shuffle(Enumerable.Range(0, chunks).Concat(Enumerable.Range(0, chunks / 3)).ToArray())).ToArbitrary(),
            arrivals =>
            {
                var chunks = arrivals.Max() + 1;
                var sink = new RecordingSink();
                var job = TestJobs.Spec(length: chunks * 3L, chunkSize: 3, sink);
                var probe = CreateTestProbe();
                Sys.ActorOf(Props.Create(() => new ForwardingParent(Props.Create(() => new Aggregator(job)), probe)));
                var aggregator = probe.ExpectMsg<IActorRef>();
                foreach (var chunk in arrivals)
                {
                    aggregator.Tell(Result(job, chunk));
                }
                probe.ExpectMsg<JobSucceeded>();
                return sink.Released.SelectMany(r => r.Values).SequenceEqual(Enumerable.Range(0, chunks * 3).Select(i => (long)i));
            });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), property);
    }

    [Fact]
    public void Unordered_sink_must_receive_chunks_as_they_arrive()
    {
        var sink = new RecordingSink(ordered: false);
        var job = TestJobs.Spec(length: 30, chunkSize: 10, sink);
        var aggregator = StartAggregator(job);

        aggregator.Tell(Result(job, 2));
        aggregator.Tell(Result(job, 0));
        aggregator.Tell(Result(job, 1));

        ExpectMsg<JobSucceeded>();
        Assert.Equal([20L, 0, 10], sink.Released.Select(r => r.FirstIndex));
    }
}
