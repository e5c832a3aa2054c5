using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Event;

public static class Logging
{
    /// <summary>A logger whose source is this actor's path.</summary>
    public static ILoggingAdapter GetLogger(this IActorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var logClass = context is ActorCell { Actor: { } actor } ? actor.GetType() : typeof(IActorContext);
        return new BusLogging(context.System.EventStream, context.Self.Path.ToString(), logClass, context.System.Settings.LogLevel);
    }
}
