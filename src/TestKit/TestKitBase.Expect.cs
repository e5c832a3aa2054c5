using ActorMap.Runtime.Actor;

namespace ActorMap.TestKit;

public abstract partial class TestKitBase
{
    /// <summary>The next message must arrive within the timeout and be a <typeparamref name="T"/>.</summary>
    public T ExpectMsg<T>(TimeSpan? timeout = null) =>
        ExpectCore<T>(null, typeof(T).Name, timeout, sync: true).GetAwaiter().GetResult();

    public Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null) =>
        ExpectCore<T>(null, typeof(T).Name, timeout, sync: false).AsTask();

    /// <summary>The next message must be a <typeparamref name="T"/> satisfying <paramref name="isMessage"/>.</summary>
    public T ExpectMsg<T>(Func<T, bool> isMessage, TimeSpan? timeout = null) =>
        ExpectCore(isMessage, $"{typeof(T).Name} matching the predicate", timeout, sync: true).GetAwaiter().GetResult();

    public Task<T> ExpectMsgAsync<T>(Func<T, bool> isMessage, TimeSpan? timeout = null) =>
        ExpectCore(isMessage, $"{typeof(T).Name} matching the predicate", timeout, sync: false).AsTask();

    /// <summary>The next message must equal <paramref name="expected"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) =>
        ExpectCore<T>(m => Equals(m, expected), $"{expected}", timeout, sync: true).GetAwaiter().GetResult();

    public Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null) =>
        ExpectCore<T>(m => Equals(m, expected), $"{expected}", timeout, sync: false).AsTask();

    /// <summary>The next message must be a <typeparamref name="T"/>; <paramref name="assert"/> then checks it.</summary>
    public T ExpectMsg<T>(Action<T> assert, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(assert);
        var message = ExpectMsg<T>(timeout);
        assert(message);
        return message;
    }

    private async ValueTask<T> ExpectCore<T>(Func<T, bool>? isMessage, string hint, TimeSpan? timeout, bool sync)
    {
        var wait = RemainingOrDilated(timeout);
        var item = await TakeAsync(wait, sync).ConfigureAwait(false);
        if (item is null)
        {
            throw Failure($"Timeout ({wait}) during ExpectMsg while waiting for {hint}");
        }
        if (item.Message is not T typed)
        {
            throw Failure($"ExpectMsg expected {hint} but got {item.Message.GetType().Name}: {item.Message}");
        }
        if (isMessage is not null && !isMessage(typed))
        {
            throw Failure($"ExpectMsg expected {hint} but got {item.Message}");
        }
        return typed;
    }

    /// <summary>No message may arrive for <paramref name="duration"/> (default: a short dilated pause).</summary>
    public void ExpectNoMsg(TimeSpan? duration = null) => ExpectNoMsgCore(duration, sync: true).GetAwaiter().GetResult();

    public Task ExpectNoMsgAsync(TimeSpan? duration = null) => ExpectNoMsgCore(duration, sync: false).AsTask();

    private async ValueTask ExpectNoMsgCore(TimeSpan? duration, bool sync)
    {
        var wait = RemainingOrDilated(duration ?? TestKitSettings.ExpectNoMessageDefault);
        var item = await TakeAsync(wait, sync).ConfigureAwait(false);
        if (item is not null)
        {
            throw Failure($"ExpectNoMsg got an unexpected message: {item.Message} from {item.Sender.Path}");
        }
    }

    /// <summary>Expects <see cref="Terminated"/> for <paramref name="target"/>; call <see cref="Watch"/> first.</summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) =>
        ExpectCore<Terminated>(t => t.ActorRef.Equals(target), $"Terminated({target.Path})", timeout, sync: true).GetAwaiter().GetResult();

    public Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null) =>
        ExpectCore<Terminated>(t => t.ActorRef.Equals(target), $"Terminated({target.Path})", timeout, sync: false).AsTask();

    /// <summary>The next messages must be exactly <paramref name="expected"/>, in any order.</summary>
    public IReadOnlyList<T> ExpectMsgAllOf<T>(TimeSpan? timeout, params T[] expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var received = ReceiveN(expected.Length, timeout);
        var missing = expected.ToList();
        foreach (var message in received)
        {
            if (message is not T typed || !missing.Remove(typed))
            {
                throw Failure($"ExpectMsgAllOf got unexpected {message}; still missing [{string.Join(", ", missing)}]");
            }
        }
        return received.Cast<T>().ToList();
    }
}
