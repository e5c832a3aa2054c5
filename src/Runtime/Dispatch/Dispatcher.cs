namespace ActorMap.Runtime.Dispatch;

/// <summary>
/// Runs mailboxes on the .NET thread pool, <see cref="Throughput"/> messages per turn, so an actor
/// costs no thread and a busy actor still yields to others.
/// </summary>
internal sealed class Dispatcher(int throughput, bool preferLocalQueue)
{
    public int Throughput { get; } = throughput > 0
        ? throughput
        : throw new ArgumentOutOfRangeException(nameof(throughput), throughput, "throughput must be at least 1");

    public void Schedule(Mailbox mailbox) =>
        ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocalQueue);
}
