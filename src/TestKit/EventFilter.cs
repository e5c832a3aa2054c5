using ActorMap.Runtime.Actor;

namespace ActorMap.TestKit;

/// <summary>
/// One expectation on the event stream: while the block runs (and a dilated leeway after it),
/// exactly the expected number of matching events must be published.
/// </summary>
public sealed class EventFilter
{
    private static long s_number;
    private readonly TestKitBase _kit;
    private readonly Type _channel;
    private readonly Func<object, bool> _matches;
    private readonly string _description;

    internal EventFilter(TestKitBase kit, Type channel, Func<object, bool> matches, string description)
    {
        _kit = kit;
        _channel = channel;
        _matches = matches;
        _description = description;
    }

    public void ExpectOne(Action block) => Expect(1, block);

    public T ExpectOne<T>(Func<T> block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var result = default(T)!;
        Expect(1, () => result = block());
        return result;
    }

    public void Expect(int count, Action block)
    {
        ArgumentNullException.ThrowIfNull(block);
        ExpectCore(count, () =>
        {
            block();
            return Task.CompletedTask;
        }, sync: true).GetAwaiter().GetResult();
    }

    public Task ExpectOneAsync(Func<Task> block) => ExpectAsync(1, block);

    public Task ExpectAsync(int count, Func<Task> block) => ExpectCore(count, block, sync: false).AsTask();

    private async ValueTask ExpectCore(int count, Func<Task> block, bool sync)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var seen = 0;
        var signal = new SemaphoreSlim(0);
        var listener = new FunctionRef(
            _kit.Sys.Guardian.Path.Root / ("$eventFilter" + Interlocked.Increment(ref s_number)),
            (message, _) =>
            {
                if (_matches(message))
                {
                    Interlocked.Increment(ref seen);
                    signal.Release();
                }
            });
        _kit.Sys.EventStream.Subscribe(listener, _channel);
        try
        {
            var run = block();
            if (sync)
            {
                run.GetAwaiter().GetResult();
            }
            else
            {
                await run.ConfigureAwait(false);
            }
            var deadline = Deadline.After(_kit.Dilated(_kit.TestKitSettings.EventFilterLeeway));
            while (Volatile.Read(ref seen) < count && !deadline.IsOverdue)
            {
                if (sync)
                {
                    signal.Wait(deadline.TimeLeft);
                }
                else
                {
                    await signal.WaitAsync(deadline.TimeLeft).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _kit.Sys.EventStream.Unsubscribe(listener);
        }
        var total = Volatile.Read(ref seen);
        if (total != count)
        {
            throw new TestKitAssertionException($"EventFilter expected {count} {_description}, but saw {total}");
        }
    }
}
