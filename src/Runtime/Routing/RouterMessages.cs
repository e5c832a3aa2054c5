using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Routing;

/// <summary>Sent to a router: delivers <see cref="Message"/> to every routee, whatever the routing logic.</summary>
public sealed record Broadcast(object Message);

/// <summary>Ask a router for its current routees; it replies with <see cref="Routees"/>.</summary>
public sealed class GetRoutees
{
    public static readonly GetRoutees Instance = new();

    private GetRoutees()
    {
    }
}

public sealed record Routees(IReadOnlyList<IActorRef> Members);
