using ActorMap.Runtime.Dispatch;
using ActorMap.Runtime.Event;

namespace ActorMap.Runtime.Actor;

/// <summary>
/// The runtime side of one actor: its mailbox, current instance, behaviour stack, children,
/// watchers and failure state. Everything here runs on the actor's own turn, except the
/// thread-safe entry points (Post, SendSystemMessage, ActorOf on a guardian).
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic]
    private static ActorCell? t_current;

    private readonly List<Receive> _behaviors = [];
    private ActorBase? _actor;
    private Receive? _behavior;
    private IActorRef _sender = ActorRefs.NoSender;
    private object? _currentMessage;

    public ActorCell(ActorSystem system, Props props, ActorPath path, IInternalActorRef parent, Mailbox mailbox)
    {
        System = system;
        Props = props;
        Parent = parent;
        Mailbox = mailbox;
        Self = new LocalActorRef(this, path, NewUid());
        mailbox.Attach(this);
    }

    /// <summary>The cell whose turn is running on this thread (or whose actor is being constructed).</summary>
    internal static ActorCell? Current
    {
        get => t_current;
        set => t_current = value;
    }

    public LocalActorRef Self { get; }

    public IInternalActorRef Parent { get; }

    public Mailbox Mailbox { get; }

    public ActorSystem System { get; }

    public Props Props { get; }

    public IActorRef Sender => _sender;

    public ActorBase? Actor => _actor;

    /// <summary>Invoked once the cell has fully terminated; guardians use it to chain shutdown.</summary>
    public Action? OnTerminated { get; set; }

    IActorRef IActorContext.Self => Self;

    IActorRef IActorContext.Parent => Parent;

    public bool IsTerminated => Mailbox.IsClosed;

    private static int NewUid()
    {
        int uid;
        do
        {
            uid = Random.Shared.Next();
        }
        while (uid == 0);
        return uid;
    }

    /// <summary>Queues creation; user messages sent meanwhile wait behind it.</summary>
    public void Start() => SendSystemMessage(CreateActor.Instance);

    public void Post(object message, IActorRef sender) => Mailbox.Post(message, sender);

    public void SendSystemMessage(SystemMessage message)
    {
        if (!Mailbox.TryPostSystem(message))
        {
            ActorSystem.DeadSystemMessage(Self, message);
        }
    }

    public void SendToDeadLetters(in Envelope envelope)
    {
        if (envelope.Message is not DeadLetter)
        {
            System.DeadLetters.Tell(new DeadLetter(envelope.Message, envelope.Sender, Self), envelope.Sender);
        }
    }

    public void Invoke(in Envelope envelope)
    {
        _currentMessage = envelope.Message;
        _sender = envelope.Sender;
        try
        {
            if (envelope.Message is IAutoReceivedMessage)
            {
                AutoReceive(envelope.Message);
            }
            else
            {
                ReceiveMessage(envelope.Message);
            }
            _currentMessage = null;
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
    }

    private void ReceiveMessage(object message)
    {
        var actor = _actor!;
        var handled = _behavior is null ? actor.Receive(message) : _behavior(message);
        if (!handled)
        {
            actor.Unhandled(message);
        }
    }

    private void AutoReceive(object message)
    {
        switch (message)
        {
            case PoisonPill:
                Self.Stop();
                break;
            case Kill:
                throw new ActorKilledException("Kill");
            case Terminated terminated:
                ReceivedTerminated(terminated);
                break;
        }
    }

    public void InvokeSystem(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case CreateActor:
                    Create();
                    break;
                case TerminateActor:
                    Terminate();
                    break;
                case WatchActor watch:
                    AddWatcher(watch.Watchee, watch.Watcher);
                    break;
                case UnwatchActor unwatch:
                    RemoveWatcher(unwatch.Watchee, unwatch.Watcher);
                    break;
                case DeathWatchNotification notification:
                    WatchedActorTerminated(notification);
                    break;
                case Failed failed:
                    HandleFailed(failed);
                    break;
                case SuspendActor:
                    FaultSuspend();
                    break;
                case ResumeActor resume:
                    FaultResume(resume.CausedByFailure);
                    break;
                case RecreateActor recreate:
                    FaultRecreate(recreate.Cause);
                    break;
                case AsyncHandlerCompleted completed:
                    AsyncHandlerFinished(completed);
                    break;
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
    }

    public void Become(Receive receive)
    {
        if (_behaviors.Count > 0)
        {
            _behaviors[^1] = receive;
        }
        else
        {
            _behaviors.Add(receive);
        }
        _behavior = receive;
    }

    public void BecomeStacked(Receive receive)
    {
        _behaviors.Add(receive);
        _behavior = receive;
    }

    public void UnbecomeStacked()
    {
        if (_behaviors.Count > 0)
        {
            _behaviors.RemoveAt(_behaviors.Count - 1);
        }
        _behavior = _behaviors.Count > 0 ? _behaviors[^1] : null;
    }

    private void ResetBehaviors()
    {
        _behaviors.Clear();
        _behavior = null;
    }

    public void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }
        System.EventStream.Publish(new UnhandledMessage(message, _sender, Self));
    }
}
