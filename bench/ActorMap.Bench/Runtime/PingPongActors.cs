using ActorMap.Runtime.Actor;

namespace ActorMap.Bench.Runtime;

internal sealed class Ping
{
    public static readonly Ping Instance = new();
}

internal sealed record StartRun(IActorRef Echo, long RoundTrips, int InFlight, TaskCompletionSource Done);

/// <summary>Replies to every message with the same message.</summary>
internal sealed class ReceiveEcho : ReceiveActor
{
    public ReceiveEcho() => Receive<Ping>(m => Sender.Tell(m, Self));
}

internal sealed class UntypedEcho : UntypedActor
{
    protected override void OnReceive(object message) => Sender.Tell(message, Self);
}

/// <summary>
/// Keeps up to InFlight pings outstanding against its echo, sending one more per reply, until
/// RoundTrips replies have come back.
/// </summary>
internal sealed class ReceiveClient : ReceiveActor
{
    private StartRun? _run;
    private long _sent;
    private long _received;

    public ReceiveClient()
    {
        Receive<Ping>(OnPing);
        Receive<StartRun>(Start);
    }

    private void Start(StartRun run)
    {
        _run = run;
        _sent = _received = 0;
        var initial = Math.Min(run.InFlight, run.RoundTrips);
        for (var i = 0; i < initial; i++)
        {
            run.Echo.Tell(Ping.Instance, Self);
        }
        _sent = initial;
    }

    private void OnPing(Ping ping)
    {
        var run = _run!;
        _received++;
        if (_sent < run.RoundTrips)
        {
            _sent++;
            run.Echo.Tell(ping, Self);
        }
        else if (_received == run.RoundTrips)
        {
            run.Done.TrySetResult();
        }
    }
}

internal sealed class UntypedClient : UntypedActor
{
    private StartRun? _run;
    private long _sent;
    private long _received;

    protected override void OnReceive(object message)
    {
        if (message is StartRun run)
        {
            _run = run;
            _received = 0;
            _sent = Math.Min(run.InFlight, run.RoundTrips);
            for (var i = 0; i < _sent; i++)
            {
                run.Echo.Tell(Ping.Instance, Self);
            }
            return;
        }
        var current = _run!;
        _received++;
        if (_sent < current.RoundTrips)
        {
            _sent++;
            current.Echo.Tell(message, Self);
        }
        else if (_received == current.RoundTrips)
        {
            current.Done.TrySetResult();
        }
    }
}
