namespace ActorMap.Runtime.Dispatch;

/// <summary>
/// Chooses an actor's mailbox. Unbounded by default; <see cref="Bounded"/> makes senders wait for
/// space (up to <paramref name="PushTimeout"/>) instead of letting a queue grow without limit.
/// </summary>
public sealed record MailboxOptions(int? Capacity = null, TimeSpan? PushTimeout = null)
{
    public static readonly MailboxOptions Unbounded = new();

    public static MailboxOptions Bounded(int capacity, TimeSpan pushTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pushTimeout, TimeSpan.Zero);
        return new MailboxOptions(capacity, pushTimeout);
    }

    internal MessageQueue CreateQueue() =>
        Capacity is { } capacity
            ? new BoundedMessageQueue(capacity, PushTimeout ?? TimeSpan.FromSeconds(10))
            : new UnboundedMessageQueue();
}
