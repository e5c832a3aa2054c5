using ActorMap.Compute.Workers;
using Akka.Actor;

namespace ActorMap.Compute.Tests;

public sealed class WorkerDirectorySpec : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public void Directory_must_announce_current_workers_then_changes()
    {
        var directory = Sys.ActorOf(WorkerDirectory.Props());
        var node = new Address("akka.tcp", "test", "10.0.0.7", 4053);
        var local = new[] { CreateTestProbe("worker-1").Ref, CreateTestProbe("worker-2").Ref };
        var remote = new[] { CreateTestProbe().Ref, CreateTestProbe().Ref, CreateTestProbe().Ref };
        directory.Tell(new WorkerNodeUp(((ExtendedActorSystem)Sys).Provider.DefaultAddress, local));

        directory.Tell(new SubscribeWorkers(TestActor));
        var initial = ExpectMsg<WorkersChanged>();
        directory.Tell(new WorkerNodeUp(node, remote));
        var added = ExpectMsg<WorkersChanged>();
        directory.Tell(new WorkerNodeGone(node));
        var removed = ExpectMsg<WorkersChanged>();

        Assert.Equal(local, initial.Added);
        Assert.Equal(remote, added.Added);
        Assert.Equal(remote, removed.Removed);
        directory.Tell(GetWorkerCount.Instance, TestActor);
        ExpectMsg(2);
    }

    [Fact]
    public async Task Cluster_pool_must_run_a_job_on_the_directorys_workers()
    {
        IReadOnlyList<IActorRef> workers = [Sys.ActorOf(Props.Create(() => new ActorMap.Compute.Actors.Worker(null))), Sys.ActorOf(Props.Create(() => new ActorMap.Compute.Actors.Worker(null)))];
        var directory = Sys.ActorOf(WorkerDirectory.Props());
        directory.Tell(new WorkerNodeUp(((ExtendedActorSystem)Sys).Provider.DefaultAddress, workers));
        var pool = MapPool.CreateForCluster(Sys, directory);

        var results = await pool.MapAsync(new LongRange(0, 10_000), x => x * 3, new MapOptions { Workers = 2 })
            .WaitAsync(Dilated(TimeSpan.FromSeconds(20)));

        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => i * 3L), results);
    }
}
