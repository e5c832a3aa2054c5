using ActorMap.Runtime.Actor;
using BenchmarkDotNet.Attributes;

namespace ActorMap.Bench.Runtime;

/// <summary>
/// Bytes allocated per Tell, sender and receiver together, for BenchmarkDotNet's memory
/// diagnoser: each invocation sends a burst to a counting actor and waits for it to drain.
/// </summary>
[MemoryDiagnoser]
public class TellAllocationBenchmark
{
    private const int Burst = 10_000;
    private ActorSystem _system = null!;
    private IActorRef _counter = null!;
    private CountingActor.Shared _shared = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("alloc");
        _shared = new CountingActor.Shared();
        _counter = _system.ActorOf(Props.Create(() => new CountingActor(_shared)));
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(OperationsPerInvoke = Burst)]
    public void Tell()
    {
        var target = Volatile.Read(ref _shared.Count) + Burst;
        for (var i = 0; i < Burst; i++)
        {
            _counter.Tell(Ping.Instance, ActorRefs.NoSender);
        }
        var spinner = new SpinWait();
        while (Volatile.Read(ref _shared.Count) < target)
        {
            spinner.SpinOnce();
        }
    }
}

internal sealed class CountingActor(CountingActor.Shared shared) : UntypedActor
{
    protected override void OnReceive(object message) => Interlocked.Increment(ref shared.Count);

    internal sealed class Shared
    {
        public long Count;
    }
}
