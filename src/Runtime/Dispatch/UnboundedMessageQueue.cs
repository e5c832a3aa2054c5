using System.Collections.Concurrent;
using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Dispatch;

/// <summary>
/// ConcurrentQueue keeps envelopes in ring segments it reuses once the consumer catches up,
/// so a steady stream of messages allocates nothing.
/// </summary>
internal sealed class UnboundedMessageQueue : MessageQueue
{
    private readonly ConcurrentQueue<Envelope> _queue = new();

    public override int Count => _queue.Count;

    public override bool HasMessages => !_queue.IsEmpty;

    public override bool TryEnqueue(in Envelope envelope)
    {
        _queue.Enqueue(envelope);
        return true;
    }

    public override bool TryDequeue(out Envelope envelope) => _queue.TryDequeue(out envelope);
}
