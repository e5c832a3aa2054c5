using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Routing;

/// <summary>Picks the routees for one message; used only on the router's own turn.</summary>
internal abstract class RoutingLogic
{
    public abstract void Route(object message, IActorRef sender, List<IActorRef> routees);
}

internal sealed class RoundRobinRoutingLogic : RoutingLogic
{
    private int _next;

    public override void Route(object message, IActorRef sender, List<IActorRef> routees)
    {
        if (_next >= routees.Count)
        {
            _next = 0;
        }
        routees[_next++].Tell(message, sender);
    }
}

internal sealed class BroadcastRoutingLogic : RoutingLogic
{
    public override void Route(object message, IActorRef sender, List<IActorRef> routees)
    {
        foreach (var routee in routees)
        {
            routee.Tell(message, sender);
        }
    }
}

/// <summary>
/// Akka's order of preference: an idle routee with an empty mailbox, else the fewest queued
/// messages, counting a routee that is busy as one more.
/// </summary>
internal sealed class SmallestMailboxRoutingLogic : RoutingLogic
{
    public override void Route(object message, IActorRef sender, List<IActorRef> routees)
    {
        IActorRef? best = null;
        var bestScore = long.MaxValue;
        foreach (var routee in routees)
        {
            var score = Score(routee);
            if (score == 0)
            {
                best = routee;
                break;
            }
            if (score < bestScore)
            {
                bestScore = score;
                best = routee;
            }
        }
        best?.Tell(message, sender);
    }

    private static long Score(IActorRef routee)
    {
        if (routee is not LocalActorRef local)
        {
            return long.MaxValue - 1;
        }
        var mailbox = local.Cell.Mailbox;
        return mailbox.NumberOfMessages + (mailbox.IsScheduled ? 1L : 0L);
    }
}
