using ActorMap.Runtime.Actor;

namespace ActorMap.Remote.Tests.Support;

/// <summary>Replies to every message with the message itself.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(message => Sender.Tell(message, Self));
}

/// <summary>Checks that longs arrive as 0, 1, 2, ...; answers "count" with how many did, or -1 on a gap.</summary>
internal sealed class SequenceChecker : ReceiveActor
{
    private long _next;
    private bool _broken;

    public SequenceChecker()
    {
        Receive<long>(n =>
        {
            _broken |= n != _next;
            _next++;
        });
        Receive<string>(s => s == "count", _ => Sender.Tell(_broken ? -1L : _next, Self));
    }
}
