using System.Collections.Concurrent;
using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Event;

/// <summary>
/// The system-wide publish/subscribe bus. A subscriber to a type receives every published event
/// assignable to it (subscribe to <c>object</c> for everything). Thread-safe; publishing tells
/// each matching subscriber once.
/// </summary>
public sealed class EventStream
{
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<Type, IActorRef[]> _byEventType = new();
    private (Type Channel, IActorRef Subscriber)[] _subscriptions = [];

    /// <summary>Returns false when the subscriber already had exactly this subscription.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_lock)
        {
            foreach (var (c, s) in _subscriptions)
            {
                if (c == channel && s.Equals(subscriber))
                {
                    return false;
                }
            }
            _subscriptions = [.. _subscriptions, (channel, subscriber)];
            _byEventType.Clear();
            return true;
        }
    }

    public bool Subscribe<TEvent>(IActorRef subscriber) => Subscribe(subscriber, typeof(TEvent));

    public bool Unsubscribe(IActorRef subscriber, Type channel) =>
        RemoveWhere(s => s.Subscriber.Equals(subscriber) && s.Channel == channel);

    /// <summary>Removes every subscription of <paramref name="subscriber"/>.</summary>
    public bool Unsubscribe(IActorRef subscriber) => RemoveWhere(s => s.Subscriber.Equals(subscriber));

    private bool RemoveWhere(Func<(Type Channel, IActorRef Subscriber), bool> match)
    {
        lock (_lock)
        {
            var kept = _subscriptions.Where(s => !match(s)).ToArray();
            if (kept.Length == _subscriptions.Length)
            {
                return false;
            }
            _subscriptions = kept;
            _byEventType.Clear();
            return true;
        }
    }

    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        foreach (var subscriber in SubscribersFor(@event.GetType()))
        {
            subscriber.Tell(@event, ActorRefs.NoSender);
        }
    }

    private IActorRef[] SubscribersFor(Type eventType)
    {
        if (_byEventType.TryGetValue(eventType, out var cached))
        {
            return cached;
        }
        lock (_lock)
        {
            var matching = _subscriptions
                .Where(s => s.Channel.IsAssignableFrom(eventType))
                .Select(s => s.Subscriber)
                .Distinct()
                .ToArray();
            _byEventType[eventType] = matching;
            return matching;
        }
    }
}
