using System.Diagnostics;
using ActorMap.Compute.Workers;
using ActorMap.Messages.Compute;
using Akka.Actor;
using Akka.Cluster;

namespace ActorMap.Hosting.Registration;

/// <summary>
/// On every node (/user/load): once a second, this process's CPU, memory and busy workers to each
/// Seed that is Up, for the dashboard. CPU is the process's processor time over the interval's wall
/// time, divided by the processor count, so 100 means every core busy. A lost report costs one
/// second of staleness, so nothing is acknowledged or retried.
/// </summary>
internal sealed class LoadReporter : ReceiveActor, IWithTimers
{
    public const string Name = "load";

    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(1);

    private readonly int _workers;
    private readonly Process _process = Process.GetCurrentProcess();
    private TimeSpan _lastCpu;
    private long _lastAt;

    public LoadReporter(int workers)
    {
        _workers = workers;
        Receive<Report>(_ => SendReport());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(int workers) => Akka.Actor.Props.Create(() => new LoadReporter(workers));

    protected override void PreStart()
    {
        _process.Refresh();
        _lastCpu = _process.TotalProcessorTime;
        _lastAt = Stopwatch.GetTimestamp();
        Timers.StartPeriodicTimer(Report.Instance, Report.Instance, s_interval);
    }

    protected override void PostStop() => _process.Dispose();

    private void SendReport()
    {
        var load = Measure();
        foreach (var seed in Cluster.Get(Context.System).State.Members)
        {
            if (seed.HasRole(NodeRoles.Seed) && seed.Status == MemberStatus.Up)
            {
                Context.ActorSelection(new RootActorPath(seed.Address) / "user" / "status").Tell(load, Self);
            }
        }
    }

    private NodeLoad Measure()
    {
        _process.Refresh();
        var cpu = _process.TotalProcessorTime;
        var now = Stopwatch.GetTimestamp();
        var wall = Stopwatch.GetElapsedTime(_lastAt, now);
        var share = wall > TimeSpan.Zero ? (cpu - _lastCpu) / wall / Environment.ProcessorCount : 0;
        _lastCpu = cpu;
        _lastAt = now;
        return new NodeLoad
        {
            CpuPercent = Math.Clamp(share * 100, 0, 100),
            WorkingSetBytes = _process.WorkingSet64,
            GcHeapBytes = GC.GetTotalMemory(forceFullCollection: false),
            Workers = _workers,
            WorkersBusy = BusyWorkers.Get(Context.System).Busy,
        };
    }

    private sealed class Report
    {
        public static readonly Report Instance = new();
    }
}
