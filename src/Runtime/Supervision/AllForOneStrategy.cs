using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Supervision;

/// <summary>Applies the directive to every child of the supervisor, for children that only make sense together.</summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    public AllForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    public AllForOneStrategy(Func<Exception, Directive> decider)
        : this(-1, Timeout.InfiniteTimeSpan, decider)
    {
    }

    internal override void ProcessFailure(
        ActorCell cell, bool restart, IActorRef child, Exception cause, ChildRestartStats stats, List<ChildRestartStats> children)
    {
        var allowed = restart;
        foreach (var sibling in children)
        {
            // Every child counts the restart, so a flapping group trips the limit together.
            allowed &= sibling.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange, cell.System.TimeProvider);
        }
        foreach (var sibling in children)
        {
            if (allowed)
            {
                RestartChild(sibling.Child, cause, suspendFirst: !sibling.Child.Equals(child));
            }
            else
            {
                cell.Stop(sibling.Child);
            }
        }
    }
}
