using ActorMap.Runtime.Dispatch;
using ActorMap.Runtime.Event;
using ActorMap.Runtime.Routing;
using ActorMap.Runtime.Scheduling;
using ActorMap.Runtime.Supervision;

namespace ActorMap.Runtime.Actor;

/// <summary>
/// A hierarchy of actors sharing a dispatcher, scheduler and event stream:
/// <c>/user</c> holds what <see cref="ActorOf"/> creates, <c>/system</c> the runtime's own actors.
/// </summary>
public sealed partial class ActorSystem : IActorRefFactory, IDisposable
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimerScheduler _scheduler;
    private readonly Dispatcher _dispatcher;
    private readonly ActorCell _root;
    private readonly ActorCell _user;
    private readonly ActorCell _system;
    private long _tempNumber;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        Name = name;
        Settings = settings;
        Address = Address.Local(name);
        _dispatcher = new Dispatcher(settings.Throughput, settings.PreferLocalQueue);
        EventStream = new EventStream();
        var rootPath = ActorPath.RootOf(Address);
        DeadLetters = new DeadLetterActorRef(rootPath / "deadLetters", EventStream);
        Log = new BusLogging(EventStream, rootPath.ToString(), typeof(ActorSystem), settings.LogLevel);
        _scheduler = new TimerScheduler(settings.TimeProvider, e => Log.Error(e, "A scheduled action threw"));

        var rootParent = new RootParentRef(rootPath / "$bubble-walker", e => Log.Error(e, "The root guardian failed; terminating"));
        _root = new ActorCell(this, GuardianProps(SupervisorStrategy.StoppingStrategy), rootPath, rootParent,
            new Mailbox(new UnboundedMessageQueue(), _dispatcher));
        _root.Start();
        _user = (ActorCell)((LocalActorRef)_root.ActorOf(GuardianProps(SupervisorStrategy.DefaultStrategy), "user", systemName: true)).Cell;
        _system = (ActorCell)((LocalActorRef)_root.ActorOf(GuardianProps(SupervisorStrategy.DefaultStrategy), "system", systemName: true)).Cell;

        // Shut down in order: user actors first, while the system's own actors still log.
        _user.OnTerminated = () => _system.Self.Stop();
        _system.OnTerminated = () => _root.Self.Stop();
        _root.OnTerminated = OnRootTerminated;

        new LoggerBridge(settings.LoggerFactory, settings.LogDeadLetters).Attach(this);
    }

    public string Name { get; }

    public ActorSystemSettings Settings { get; }

    public Address Address { get; }

    public EventStream EventStream { get; }

    public IScheduler Scheduler => _scheduler;

    public TimeProvider TimeProvider => Settings.TimeProvider;

    /// <summary>Where undeliverable messages go; they are published as <see cref="DeadLetter"/>.</summary>
    public IActorRef DeadLetters { get; }

    public ILoggingAdapter Log { get; }

    /// <summary>Completes once every actor has stopped and run PostStop.</summary>
    public Task WhenTerminated => _terminated.Task;

    internal IActorRef Guardian => _user.Self;

    internal IActorRef SystemGuardian => _system.Self;

    public static ActorSystem Create(string name, ActorSystemSettings? settings = null)
    {
        if (!ActorPathNames.IsValid(name, allowSystemPrefix: false) || name.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Invalid actor system name '{name}': use ASCII letters, digits, '-' and '_'", nameof(name));
        }
        settings ??= ActorSystemSettings.Default;
        settings.Validate();
        return new ActorSystem(name, settings);
    }

    /// <summary>Creates a top-level actor under /user.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => _user.ActorOf(props, name);

    /// <summary>Creates an actor under /system, for the runtime's and extensions' own actors.</summary>
    internal IActorRef SystemActorOf(Props props, string? name = null) => _system.ActorOf(props, name, systemName: true);

    /// <summary>Stops an actor asynchronously: its children first, then it.</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is IInternalActorRef internalRef)
        {
            internalRef.Stop();
        }
    }

    /// <summary>Stops every actor (user actors first) and completes <see cref="WhenTerminated"/>.</summary>
    public Task Terminate()
    {
        _user.Self.Stop();
        return WhenTerminated;
    }

    public void Dispose() => Terminate().Wait(TimeSpan.FromSeconds(10));

    internal ActorCell NewCell(Props props, ActorPath path, IInternalActorRef parent)
    {
        if (props.RouterConfig is { } pool)
        {
            props = RouterActor.PropsFor(pool, props.WithoutRouter());
        }
        return new ActorCell(this, props, path, parent, new Mailbox(props.Mailbox.CreateQueue(), _dispatcher));
    }

    internal ActorPath NewTempPath() =>
        ActorPath.RootOf(Address) / "temp" / ("$" + Interlocked.Increment(ref _tempNumber).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A system message for an actor that is gone: a watch is answered at once.</summary>
    internal static void DeadSystemMessage(IInternalActorRef target, SystemMessage message)
    {
        if (message is WatchActor watch && watch.Watchee.Equals(target))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(target, ExistenceConfirmed: false, AddressTerminated: false));
        }
    }

    private static Props GuardianProps(SupervisorStrategy strategy) => Props.Create(() => new GuardianActor(strategy));

    private void OnRootTerminated()
    {
        _scheduler.Dispose();
        _terminated.TrySetResult();
    }

    public override string ToString() => Address.ToString();
}
