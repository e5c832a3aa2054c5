namespace ActorMap.TestKit;

/// <summary>
/// The test actor's inbox: filled by the actor, drained by the test, blocking or async. A
/// message looked at but not wanted (ReceiveWhile's stopper) can be put back at the front.
/// </summary>
internal sealed class TestMessageQueue
{
    private readonly LinkedList<ReceivedMessage> _items = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    public void Enqueue(ReceivedMessage item)
    {
        lock (_lock)
        {
            _items.AddLast(item);
        }
        _available.Release();
    }

    public void PushFront(ReceivedMessage item)
    {
        lock (_lock)
        {
            _items.AddFirst(item);
        }
        _available.Release();
    }

    public ReceivedMessage? TryTake(TimeSpan timeout) =>
        _available.Wait(Clamp(timeout)) ? TakeFirst() : null;

    public async Task<ReceivedMessage?> TryTakeAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await _available.WaitAsync(Clamp(timeout), cancellationToken).ConfigureAwait(false) ? TakeFirst() : null;

    private ReceivedMessage TakeFirst()
    {
        lock (_lock)
        {
            var first = _items.First!.Value;
            _items.RemoveFirst();
            return first;
        }
    }

    private static TimeSpan Clamp(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? timeout : timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout;
}
