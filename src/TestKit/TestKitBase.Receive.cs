namespace ActorMap.TestKit;

public abstract partial class TestKitBase
{
    // Every receive goes through here: sync callers get an already completed ValueTask, so
    // one body serves both the blocking and the async API.
    private async ValueTask<ReceivedMessage?> TakeAsync(TimeSpan timeout, bool sync)
    {
        var item = sync ? _queue.TryTake(timeout) : await _queue.TryTakeAsync(timeout).ConfigureAwait(false);
        if (item is not null)
        {
            LastSender = item.Sender;
        }
        return item;
    }

    /// <summary>The next message, or null when none arrives within the timeout.</summary>
    public object? ReceiveOne(TimeSpan? timeout = null) =>
        TakeAsync(RemainingOrDilated(timeout), sync: true).GetAwaiter().GetResult()?.Message;

    public async Task<object?> ReceiveOneAsync(TimeSpan? timeout = null) =>
        (await TakeAsync(RemainingOrDilated(timeout), sync: false).ConfigureAwait(false))?.Message;

    /// <summary>Exactly <paramref name="count"/> messages within the timeout, in arrival order.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) =>
        ReceiveNCore(count, timeout, sync: true).GetAwaiter().GetResult();

    public Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? timeout = null) =>
        ReceiveNCore(count, timeout, sync: false).AsTask();

    private async ValueTask<IReadOnlyList<object>> ReceiveNCore(int count, TimeSpan? timeout, bool sync)
    {
        var deadline = Deadline.After(RemainingOrDilated(timeout));
        var result = new List<object>(count);
        while (result.Count < count)
        {
            var item = await TakeAsync(deadline.TimeLeft, sync).ConfigureAwait(false);
            if (item is null)
            {
                throw Failure($"Timeout ({deadline.Total}) while waiting for {count} messages; got {result.Count}: [{string.Join(", ", result)}]");
            }
            result.Add(item.Message);
        }
        return result;
    }

    /// <summary>
    /// Collects messages while <paramref name="filter"/> maps them to non-null; the first that maps
    /// to null stays in the queue. Stops after <paramref name="max"/>, after <paramref name="idle"/>
    /// with no message, or after <paramref name="maxMessages"/>.
    /// </summary>
    public IReadOnlyList<T> ReceiveWhile<T>(Func<object, T?> filter, TimeSpan? max = null, TimeSpan? idle = null, int maxMessages = int.MaxValue)
        where T : class =>
        ReceiveWhileCore(filter, max, idle, maxMessages, sync: true).GetAwaiter().GetResult();

    public Task<IReadOnlyList<T>> ReceiveWhileAsync<T>(Func<object, T?> filter, TimeSpan? max = null, TimeSpan? idle = null, int maxMessages = int.MaxValue)
        where T : class =>
        ReceiveWhileCore(filter, max, idle, maxMessages, sync: false).AsTask();

    private async ValueTask<IReadOnlyList<T>> ReceiveWhileCore<T>(Func<object, T?> filter, TimeSpan? max, TimeSpan? idle, int maxMessages, bool sync)
        where T : class
    {
        var deadline = Deadline.After(RemainingOrDilated(max));
        var result = new List<T>();
        var lastAcceptedSender = LastSender;
        while (result.Count < maxMessages)
        {
            var wait = idle is { } i && i < deadline.TimeLeft ? i : deadline.TimeLeft;
            var item = await TakeAsync(wait, sync).ConfigureAwait(false);
            if (item is null)
            {
                break;
            }
            if (filter(item.Message) is not { } mapped)
            {
                // The stopper stays queued, so LastSender must not point at it yet.
                LastSender = lastAcceptedSender;
                _queue.PushFront(item);
                break;
            }
            lastAcceptedSender = item.Sender;
            result.Add(mapped);
        }
        return result;
    }

    /// <summary>Skips messages until one satisfies <paramref name="isMessage"/>, and returns it.</summary>
    public object FishForMessage(Func<object, bool> isMessage, TimeSpan? max = null) =>
        FishCore(isMessage, max, sync: true).GetAwaiter().GetResult();

    public Task<object> FishForMessageAsync(Func<object, bool> isMessage, TimeSpan? max = null) =>
        FishCore(isMessage, max, sync: false).AsTask();

    private async ValueTask<object> FishCore(Func<object, bool> isMessage, TimeSpan? max, bool sync)
    {
        var deadline = Deadline.After(RemainingOrDilated(max));
        var skipped = new List<object>();
        while (true)
        {
            var item = await TakeAsync(deadline.TimeLeft, sync).ConfigureAwait(false);
            if (item is null)
            {
                throw Failure($"Timeout ({deadline.Total}) during FishForMessage; skipped [{string.Join(", ", skipped)}]");
            }
            if (isMessage(item.Message))
            {
                return item.Message;
            }
            skipped.Add(item.Message);
        }
    }
}
