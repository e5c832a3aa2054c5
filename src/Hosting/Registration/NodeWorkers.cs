using ActorMap.Compute.Actors;
using ActorMap.Hosting.Wire;
using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace ActorMap.Hosting.Registration;

//   /user/workers ─┬─ worker-1
//                  └─ worker-…
/// <summary>
/// A node's worker actors, and their registration with the Seed's registry. Registration is
/// repeated every second until acknowledged, and again whenever a Seed comes Up (a restarted Seed
/// is a new incarnation that knows nobody).
/// </summary>
internal sealed class NodeWorkers : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan s_retry = TimeSpan.FromSeconds(1);
    private readonly IActorRef[] _workers;

    public NodeWorkers(int count, string? dispatcher, ChunkResultEncoder encoder)
    {
        _workers = new IActorRef[count];
        for (var i = 0; i < count; i++)
        {
            var props = Props.Create(() => new Worker(encoder.Encode));
            _workers[i] = Context.ActorOf(dispatcher is null ? props : props.WithDispatcher(dispatcher), $"worker-{i + 1}");
        }
        Receive<Register>(_ => SendRegistration());
        Receive<WorkersRegistered>(_ =>
        {
            if (Timers.IsTimerActive(Register.Instance))
            {
                Context.GetLogger().Info("registered {0} workers with the Seed at {1}", _workers.Length, Sender.Path.Address);
            }
            Timers.Cancel(Register.Instance);
        });
        Receive<CancelChunks>(cancel => JobCancellations.Get(Context.System).Cancel(cancel.JobId));
        Receive<ClusterEvent.MemberUp>(up =>
        {
            if (up.Member.HasRole(NodeRoles.Seed))
            {
                StartRegistering(up.Member.Address);
            }
        });
        ReceiveAny(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() =>
        Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.MemberUp));

    protected override void PostStop()
    {
        Cluster.Get(Context.System).Unsubscribe(Self);
        // Leaving, downed or stopping: no router will take these chunks' results any more, and a
        // worker busy with one would hold up the actor system's termination.
        JobCancellations.Get(Context.System).CancelAll();
    }

    // A worker's failure is about one job's chunk: keep it serving other jobs. The directive the
    // job's policy gives the exception's type (set by the worker) decides between resuming and a
    // fresh instance; the router applies stop and escalate to that job alone, so an escalated
    // failure never reaches this node's other jobs.
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(maxNrOfRetries: -1, withinTimeMilliseconds: -1,
            e => e is Compute.Jobs.ElementFailedException { Directive: Directive.Resume } ? Directive.Resume : Directive.Restart,
            loggingEnabled: false);

    // To the Seed the event names: this node's view of the cluster may not show it Up yet.
    private void StartRegistering(Address seed)
    {
        Context.ActorSelection(new RootActorPath(seed) / "user" / WorkerRegistry.Name).Tell(new RegisterWorkers(_workers), Self);
        Timers.StartPeriodicTimer(Register.Instance, Register.Instance, s_retry);
    }

    private void SendRegistration()
    {
        var registration = new RegisterWorkers(_workers);
        foreach (var seed in Cluster.Get(Context.System).State.Members.Where(m => m.HasRole(NodeRoles.Seed) && m.Status == MemberStatus.Up))
        {
            Context.ActorSelection(new RootActorPath(seed.Address) / "user" / WorkerRegistry.Name).Tell(registration, Self);
        }
    }

    private sealed class Register
    {
        public static readonly Register Instance = new();
    }
}
