using ActorMap.Runtime.Actor;

namespace ActorMap.Bench.Remote;

/// <summary>Starts a client: <see cref="InFlight"/> messages go out at once, each reply sends the next.</summary>
internal sealed record StartPingPong(IActorRef Echo, long RoundTrips, int InFlight, object Message, TaskCompletionSource Done);

/// <summary>Sends a message back to whoever sent it.</summary>
internal sealed class RemoteEcho : UntypedActor
{
    protected override void OnReceive(object message) => Sender.Tell(message, Self);
}

/// <summary>Akka.NET's RemotePingPong client: keeps a fixed window of messages in flight to its echo.</summary>
internal sealed class RemotePingPongClient : UntypedActor
{
    private StartPingPong? _run;
    private long _sent;
    private long _received;

    protected override void OnReceive(object message)
    {
        if (message is StartPingPong start)
        {
            _run = start;
            for (var i = 0; i < start.InFlight && _sent < start.RoundTrips; i++)
            {
                _sent++;
                start.Echo.Tell(start.Message, Self);
            }
            return;
        }
        var run = _run!;
        if (++_received == run.RoundTrips)
        {
            run.Done.TrySetResult();
        }
        else if (_sent < run.RoundTrips)
        {
            _sent++;
            run.Echo.Tell(message, Self);
        }
    }
}
