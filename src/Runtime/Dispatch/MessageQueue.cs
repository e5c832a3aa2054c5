using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Dispatch;

/// <summary>The user-message queue of one mailbox: many producers, one consumer at a time.</summary>
internal abstract class MessageQueue
{
    public abstract int Count { get; }

    public abstract bool HasMessages { get; }

    /// <summary>Adds a message; false when it could not be accepted (a bounded queue that stayed full).</summary>
    public abstract bool TryEnqueue(in Envelope envelope);

    public abstract bool TryDequeue(out Envelope envelope);
}
