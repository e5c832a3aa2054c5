using System.Diagnostics;
using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Dispatch;

/// <summary>
/// One actor's queues and its turn on the thread pool. At most one thread runs a mailbox at a
/// time (the Scheduled bit), which is what makes an actor single-threaded. System messages are
/// processed before user messages and between every two of them.
/// </summary>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private const int ClosedBit = 1;
    private const int ScheduledBit = 2;
    private const int SuspendUnit = 4;
    private const int SuspendMask = ~(ClosedBit | ScheduledBit);

    private readonly MessageQueue _queue;
    private readonly Dispatcher _dispatcher;
    private readonly Queue<SystemMessage> _system = new();
    private readonly Lock _systemLock = new();
    private ActorCell _cell = null!;

    // bit 0 closed, bit 1 scheduled, the rest a suspend count: one word so that every
    // decision to schedule sees all three at once.
    private int _status;
    private volatile int _systemCount;

    public Mailbox(MessageQueue queue, Dispatcher dispatcher)
    {
        _queue = queue;
        _dispatcher = dispatcher;
    }

    public int NumberOfMessages => _queue.Count;

    public bool IsClosed => (Volatile.Read(ref _status) & ClosedBit) != 0;

    public bool IsScheduled => (Volatile.Read(ref _status) & ScheduledBit) != 0;

    public bool IsSuspended => (Volatile.Read(ref _status) & SuspendMask) != 0;

    public void Attach(ActorCell cell) => _cell = cell;

    public void Post(object message, IActorRef sender)
    {
        var envelope = new Envelope(message, sender);
        if (IsClosed || !_queue.TryEnqueue(envelope))
        {
            _cell.SendToDeadLetters(envelope);
            return;
        }
        var status = Volatile.Read(ref _status);
        if ((status & ClosedBit) != 0)
        {
            // The cell closed between our check and the enqueue and may have drained already:
            // drain again so the message still reaches dead letters instead of vanishing.
            DrainToDeadLetters();
            return;
        }
        if ((status & (ScheduledBit | SuspendMask)) == 0)
        {
            TrySchedule();
        }
    }

    /// <summary>Queues a system message; false when the mailbox is already closed.</summary>
    public bool TryPostSystem(SystemMessage message)
    {
        lock (_systemLock)
        {
            if (IsClosed)
            {
                return false;
            }
            _system.Enqueue(message);
            _systemCount++;
        }
        TrySchedule();
        return true;
    }

    public void Suspend() => Interlocked.Add(ref _status, SuspendUnit);

    public void Resume()
    {
        var status = Interlocked.Add(ref _status, -SuspendUnit);
        Debug.Assert((status & SuspendMask) >= 0, "resume without suspend");
        if ((status & SuspendMask) == 0)
        {
            TrySchedule();
        }
    }

    /// <summary>Closes for good and returns the system messages that will never be processed.</summary>
    public List<SystemMessage> Close()
    {
        List<SystemMessage> leftovers;
        lock (_systemLock)
        {
            Interlocked.Or(ref _status, ClosedBit);
            leftovers = [.. _system];
            _system.Clear();
            _systemCount = 0;
        }
        DrainToDeadLetters();
        return leftovers;
    }

    private void DrainToDeadLetters()
    {
        while (_queue.TryDequeue(out var envelope))
        {
            _cell.SendToDeadLetters(envelope);
        }
    }

    private void TrySchedule()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if ((status & (ClosedBit | ScheduledBit)) != 0)
            {
                return;
            }
            var hasWork = _systemCount > 0 || ((status & SuspendMask) == 0 && _queue.HasMessages);
            if (!hasWork)
            {
                return;
            }
            if (Interlocked.CompareExchange(ref _status, status | ScheduledBit, status) == status)
            {
                _dispatcher.Schedule(this);
                return;
            }
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        var previous = ActorCell.Current;
        ActorCell.Current = _cell;
        try
        {
            if (!IsClosed)
            {
                ProcessSystemMessages();
                ProcessUserMessages();
            }
        }
        finally
        {
            ActorCell.Current = previous;
            // Clear Scheduled before re-checking the queues: a Post that lands between the
            // check and the clear would see Scheduled, skip scheduling, and strand its message.
            Interlocked.And(ref _status, ~ScheduledBit);
            TrySchedule();
        }
    }

    private void ProcessUserMessages()
    {
        var left = _dispatcher.Throughput;
        while (left-- > 0
               && (Volatile.Read(ref _status) & (ClosedBit | SuspendMask)) == 0
               && _queue.TryDequeue(out var envelope))
        {
            _cell.Invoke(envelope);
            if (_systemCount > 0)
            {
                ProcessSystemMessages();
            }
        }
    }

    private void ProcessSystemMessages()
    {
        while (_systemCount > 0 && !IsClosed)
        {
            SystemMessage message;
            lock (_systemLock)
            {
                if (!_system.TryDequeue(out message!))
                {
                    return;
                }
                _systemCount--;
            }
            _cell.InvokeSystem(message);
        }
    }
}
