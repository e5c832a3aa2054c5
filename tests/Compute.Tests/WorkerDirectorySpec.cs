using ActorMap.Compute.Workers;
using ActorMap.Runtime.Actor;

namespace ActorMap.Compute.Tests;

public sealed class WorkerDirectorySpec : TestKit.TestKit
{
    [Fact]
    public void Directory_must_announce_current_workers_then_changes()
    {
        var directory = Sys.ActorOf(WorkerDirectory.Props());
        var node = new Address("actormap.tcp", "test", "10.0.0.7", 4053);
        directory.Tell(new WorkerNodeUp(Sys.Address, 2));

        directory.Tell(new SubscribeWorkers(TestActor));
        var initial = ExpectMsg<WorkersChanged>();
        directory.Tell(new WorkerNodeUp(node, 3));
        var added = ExpectMsg<WorkersChanged>();
        directory.Tell(new WorkerNodeGone(node));
        var removed = ExpectMsg<WorkersChanged>();

        Assert.Equal(["worker-1", "worker-2"], initial.Added.Select(w => w.Path.Name));
        Assert.Equal(3, added.Added.Count);
        Assert.All(added.Added, w => Assert.Equal(node, w.Path.Address));
        Assert.Equal(added.Added, removed.Removed);
        directory.Tell(GetWorkerCount.Instance, TestActor);
        ExpectMsg(2);
    }

    [Fact]
    public async Task Cluster_pool_must_run_a_job_on_the_directorys_workers()
    {
        await WorkerHost.StartWorkersAsync(Sys, 2);
        var directory = Sys.ActorOf(WorkerDirectory.Props());
        directory.Tell(new WorkerNodeUp(Sys.Address, 2));
        var pool = MapPool.CreateForCluster(Sys, directory);

        var results = await pool.MapAsync(new LongRange(0, 10_000), x => x * 3, new MapOptions { Workers = 2 })
            .WaitAsync(Dilated(TimeSpan.FromSeconds(20)));

        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => i * 3L), results);
    }
}
