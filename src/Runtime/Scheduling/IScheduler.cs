using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Scheduling;

/// <summary>
/// Delayed and periodic messages and actions, driven by the system's <see cref="TimeProvider"/>
/// (a manual clock in tests). After Cancel returns, nothing more is delivered.
/// </summary>
public interface IScheduler
{
    TimeProvider TimeProvider { get; }

    ICancelable ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender);

    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender);

    ICancelable ScheduleOnce(TimeSpan delay, Action action);

    ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action);
}
