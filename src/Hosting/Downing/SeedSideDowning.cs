using ActorMap.Hosting.Registration;
using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace ActorMap.Hosting.Downing;

/// <summary>
/// Who is downed when nodes stop hearing each other, so that the Seed's side always survives:
/// <list type="bullet">
/// <item>The Seed downs a WorkerNode it has not heard for <c>stable-after</c>; and one that any
/// other member has not heard for twice that (an unreachable member blocks membership changes,
/// and a WorkerNode is cheap to lose: it rejoins as a new incarnation).</item>
/// <item>A WorkerNode that has not heard the Seed for <c>stable-after</c> downs itself, so a cut-off
/// group of WorkerNodes never carries on as a cluster of its own.</item>
/// <item>Nobody ever downs the Seed.</item>
/// </list>
/// A cut that heals within <c>stable-after</c> downs no one.
/// </summary>
internal sealed class SeedSideDowning : ReceiveActor, IWithTimers
{
    private readonly Cluster _cluster;
    private readonly TimeSpan _stableAfter;
    private readonly bool _isSeed;
    private readonly Dictionary<UniqueAddress, DateTime> _unheardBySelf = [];
    private readonly Dictionary<UniqueAddress, DateTime> _unheardByAnyone = [];
    private readonly Dictionary<UniqueAddress, Member> _members = [];
    private readonly HashSet<UniqueAddress> _downed = [];
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public SeedSideDowning(Cluster cluster, TimeSpan stableAfter)
    {
        _cluster = cluster;
        _stableAfter = stableAfter;
        _isSeed = cluster.SelfRoles.Contains(NodeRoles.Seed);
        Receive<ClusterEvent.CurrentClusterState>(state =>
        {
            foreach (var member in state.Members)
            {
                _members[member.UniqueAddress] = member;
            }
        });
        Receive<ClusterEvent.IMemberEvent>(e =>
        {
            if (e is ClusterEvent.MemberRemoved)
            {
                _members.Remove(e.Member.UniqueAddress);
            }
            else
            {
                _members[e.Member.UniqueAddress] = e.Member;
            }
        });
        Receive<Tick>(_ =>
        {
            Observe();
            Decide();
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.IMemberEvent));
        Timers.StartPeriodicTimer(Tick.Instance, Tick.Instance, TimeSpan.FromTicks(Math.Max(_stableAfter.Ticks / 4, TimeSpan.TicksPerMillisecond * 100)));
    }

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    /// <summary>
    /// What this node hears itself comes from its own failure detector (Akka keeps who-observed-whom
    /// internal); what anyone does not hear is the cluster's unreachable set, which merges every
    /// member's observations through gossip.
    /// </summary>
    private void Observe()
    {
        var now = DateTime.UtcNow;
        var detector = _cluster.FailureDetector;
        var others = _members.Keys.Where(m => !m.Equals(_cluster.SelfUniqueAddress)).ToList();
        Track(_unheardBySelf, others.Where(m => detector.IsMonitoring(m.Address) && !detector.IsAvailable(m.Address)), now);
        Track(_unheardByAnyone, _cluster.State.Unreachable.Select(m => m.UniqueAddress), now);
    }

    // Keeps the first time each subject went unheard while it stays so; a subject heard again starts afresh.
    private static void Track(Dictionary<UniqueAddress, DateTime> since, IEnumerable<UniqueAddress> now, DateTime at)
    {
        var current = now.ToHashSet();
        foreach (var gone in since.Keys.Where(k => !current.Contains(k)).ToList())
        {
            since.Remove(gone);
        }
        foreach (var subject in current)
        {
            since.TryAdd(subject, at);
        }
    }

    private void Decide()
    {
        var now = DateTime.UtcNow;
        if (_isSeed)
        {
            foreach (var (subject, since) in _unheardBySelf)
            {
                DownWorker(subject, now - since >= _stableAfter, "the Seed has not heard it");
            }
            foreach (var (subject, since) in _unheardByAnyone)
            {
                DownWorker(subject, now - since >= _stableAfter + _stableAfter, "a member has not heard it");
            }
            return;
        }
        foreach (var (subject, since) in _unheardBySelf)
        {
            if (IsSeed(subject) && now - since >= _stableAfter && _downed.Add(_cluster.SelfUniqueAddress))
            {
                _log.Warning("downing this WorkerNode: it has not heard the Seed {0} for {1} s", subject.Address, (now - since).TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
                _cluster.Down(_cluster.SelfAddress);
            }
        }
    }

    private void DownWorker(UniqueAddress subject, bool due, string why)
    {
        if (due && !IsSeed(subject) && !subject.Equals(_cluster.SelfUniqueAddress) && _downed.Add(subject))
        {
            _log.Warning("downing {0}: {1} for longer than stable-after", subject.Address, why);
            _cluster.Down(subject.Address);
        }
    }

    private bool IsSeed(UniqueAddress node) => _members.TryGetValue(node, out var member) && member.HasRole(NodeRoles.Seed);

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }
}
