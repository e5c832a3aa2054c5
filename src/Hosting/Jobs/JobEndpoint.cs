using ActorMap.Cluster.Membership;
using ActorMap.Compute;
using ActorMap.Compute.Workers;
using ActorMap.Messages.Compute;
using ActorMap.Runtime.Actor;

namespace ActorMap.Hosting.Jobs;

/// <summary>
/// /user/jobs on the Seed: takes clients' jobs, runs each on the cluster's workers (the job
/// itself runs as a Task, so a slow compile never blocks this actor), cancels a job when its
/// client asks or disappears, and answers status requests.
/// </summary>
internal sealed class JobEndpoint : ReceiveActor
{
    private readonly Dictionary<long, ClusterJob> _jobs = [];
    private readonly Dictionary<Address, long> _chunksByNode = [];
    private readonly Dictionary<Address, DateTimeOffset> _upSince = [];
    private readonly JobRunner _runner;
    private readonly Cluster.Cluster _cluster;
    private long _nextJobId;

    public JobEndpoint(JobRunner runner, Cluster.Cluster cluster)
    {
        _runner = runner;
        _cluster = cluster;
        Receive<SubmitJob>(OnSubmit);
        Receive<CancelJobRequest>(cancel =>
        {
            if (_jobs.TryGetValue(cancel.JobId, out var job))
            {
                job.Cancel();
            }
        });
        Receive<JobEnded>(ended => _jobs.Remove(ended.JobId));
        Receive<StatusRequest>(_ => Sender.Tell(Status(), Self));
        Receive<ChunkDoneBy>(done => _chunksByNode[done.Node] = _chunksByNode.GetValueOrDefault(done.Node) + 1);
        Receive<CurrentClusterState>(state =>
        {
            foreach (var member in state.Members.Where(m => m.Status == MemberStatus.Up))
            {
                _upSince.TryAdd(member.Address, Context.System.TimeProvider.GetUtcNow());
            }
        });
        Receive<MemberUp>(up => _upSince[up.Member.Address] = Context.System.TimeProvider.GetUtcNow());
        Receive<MemberRemoved>(removed => _upSince.Remove(removed.Member.Address));
        Receive<Terminated>(terminated =>
        {
            // The client went away (Ctrl+C, a crash): its jobs must not run on for nobody.
            foreach (var job in _jobs.Values.Where(j => j.Client.Equals(terminated.ActorRef)))
            {
                job.Cancel();
            }
        });
        ReceiveAny(_ => { });
    }

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe<ChunkDoneBy>(Self);
        _cluster.Subscribe(Self);
    }

    private void OnSubmit(SubmitJob submit)
    {
        var job = new ClusterJob(++_nextJobId, Sender);
        _jobs[job.Id] = job;
        Context.Watch(job.Client);
        var self = Self;
        _ = _runner.RunAsync(job, submit).ContinueWith(
            _ => self.Tell(new JobEnded(job.Id), ActorRefs.NoSender),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private StatusReply Status()
    {
        var state = _cluster.State;
        var now = Context.System.TimeProvider.GetUtcNow();
        var reply = new StatusReply { Leader = state.Leader?.Address.ToString() ?? "" };
        foreach (var member in state.Members.Values)
        {
            reply.Members.Add(new MemberRow
            {
                Address = member.Address.ToString(),
                Roles = { member.Roles },
                Status = member.Status.ToString(),
                Reachable = !state.IsUnreachable(member),
                Workers = member.Workers,
                ChunksDone = _chunksByNode.GetValueOrDefault(member.Address),
                UptimeSeconds = _upSince.TryGetValue(member.Address, out var since) ? (now - since).TotalSeconds : 0,
            });
        }
        foreach (var job in _jobs.Values.Where(j => j.Progress is not null))
        {
            var p = job.Progress!;
            reply.Jobs.Add(new JobRow { JobId = job.Id, Elements = p.TotalElements, ElementsDone = p.ElementsDone, Chunks = p.TotalChunks, ChunksDone = p.ChunksDone });
        }
        return reply;
    }

    private sealed record JobEnded(long JobId);
}

/// <summary>One client's job on the Seed: who asked, how far it is, and how to stop it.</summary>
internal sealed class ClusterJob(long id, IActorRef client)
{
    private readonly CancellationTokenSource _cancellation = new();

    public long Id { get; } = id;

    public IActorRef Client { get; } = client;

    public CancellationToken Token => _cancellation.Token;

    /// <summary>Written by the job's progress callback, read by status: a reference swap, never torn.</summary>
    public volatile MapProgress? Progress;

    public void Cancel() => _cancellation.Cancel();
}
