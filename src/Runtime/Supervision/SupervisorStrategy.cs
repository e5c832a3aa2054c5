using ActorMap.Runtime.Actor;
using ActorMap.Runtime.Event;
using Microsoft.Extensions.Logging;

namespace ActorMap.Runtime.Supervision;

/// <summary>
/// How a parent treats a child that threw: the decider picks a <see cref="Directive"/>, and a
/// restart is allowed at most <see cref="MaxNumberOfRetries"/> times within <see cref="WithinTimeRange"/>
/// before the child is stopped instead.
/// </summary>
public abstract class SupervisorStrategy
{
    /// <summary>Restart on any exception, without limit, as Akka's default.</summary>
    public static readonly SupervisorStrategy DefaultStrategy = new OneForOneStrategy(Supervision.Decider.DefaultDecider);

    /// <summary>Stop the child on any exception.</summary>
    public static readonly SupervisorStrategy StoppingStrategy = new OneForOneStrategy(_ => Directive.Stop);

    protected SupervisorStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled)
    {
        ArgumentNullException.ThrowIfNull(decider);
        MaxNumberOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        Decider = decider;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>Restarts allowed per window; negative means no limit.</summary>
    public int MaxNumberOfRetries { get; }

    /// <summary>The window for <see cref="MaxNumberOfRetries"/>; <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan WithinTimeRange { get; }

    public Func<Exception, Directive> Decider { get; }

    public bool LoggingEnabled { get; }

    /// <summary>Returns false to escalate.</summary>
    internal bool HandleFailure(ActorCell cell, IActorRef child, Exception cause, ChildRestartStats stats, List<ChildRestartStats> children)
    {
        var directive = Decider(cause);
        LogFailure(cell, child, cause, directive);
        switch (directive)
        {
            case Directive.Resume:
                ((IInternalActorRef)child).SendSystemMessage(new ResumeActor(cause));
                return true;
            case Directive.Restart:
                ProcessFailure(cell, restart: true, child, cause, stats, children);
                return true;
            case Directive.Stop:
                ProcessFailure(cell, restart: false, child, cause, stats, children);
                return true;
            default:
                return false;
        }
    }

    internal abstract void ProcessFailure(
        ActorCell cell, bool restart, IActorRef child, Exception cause, ChildRestartStats stats, List<ChildRestartStats> children);

    private protected static void RestartChild(IActorRef child, Exception cause, bool suspendFirst)
    {
        var target = (IInternalActorRef)child;
        if (suspendFirst)
        {
            target.SendSystemMessage(SuspendActor.Instance);
        }
        target.SendSystemMessage(new RecreateActor(cause));
    }

    private void LogFailure(ActorCell cell, IActorRef child, Exception cause, Directive directive)
    {
        if (!LoggingEnabled || directive == Directive.Escalate)
        {
            return;
        }
        var level = directive == Directive.Resume ? LogLevel.Warning : LogLevel.Error;
        cell.System.EventStream.Publish(new LogEvent(
            level, child.Path.ToString(), GetType(), $"{cause.GetType().Name}: {cause.Message} ({directive})", cause));
    }
}
