using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Supervision;

/// <summary>Applies the directive to the failing child only.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(-1, Timeout.InfiniteTimeSpan, decider)
    {
    }

    internal override void ProcessFailure(
        ActorCell cell, bool restart, IActorRef child, Exception cause, ChildRestartStats stats, List<ChildRestartStats> children)
    {
        if (restart && stats.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange, cell.System.TimeProvider))
        {
            RestartChild(child, cause, suspendFirst: false);
        }
        else
        {
            cell.Stop(child);
        }
    }
}
