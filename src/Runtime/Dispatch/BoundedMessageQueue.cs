using System.Collections.Concurrent;
using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Dispatch;

/// <summary>
/// Back-pressure: a sender finding the queue full waits up to the push timeout for a free slot,
/// then the message goes to dead letters, as Akka's bounded mailbox does.
/// </summary>
internal sealed class BoundedMessageQueue(int capacity, TimeSpan pushTimeout) : MessageQueue
{
    private readonly ConcurrentQueue<Envelope> _queue = new();
    private readonly SemaphoreSlim _freeSlots = new(capacity, capacity);

    public int Capacity { get; } = capacity;

    public override int Count => _queue.Count;

    public override bool HasMessages => !_queue.IsEmpty;

    public override bool TryEnqueue(in Envelope envelope)
    {
        if (!_freeSlots.Wait(pushTimeout))
        {
            return false;
        }
        _queue.Enqueue(envelope);
        return true;
    }

    public override bool TryDequeue(out Envelope envelope)
    {
        if (!_queue.TryDequeue(out envelope))
        {
            return false;
        }
        _freeSlots.Release();
        return true;
    }
}
