using ActorMap.Runtime.Actor;

namespace ActorMap.TestKit;

internal sealed record WatchRequest(IActorRef Subject, bool Watch, TaskCompletionSource Done);

/// <summary>
/// The actor behind TestActor and every probe: queues what it receives (unless ignored) and
/// watches on the test's behalf, so Terminated arrives in the same queue.
/// </summary>
internal sealed class TestActor(TestMessageQueue queue, Func<Func<object, bool>?> ignore) : ActorBase
{
    protected internal override bool Receive(object message)
    {
        if (message is WatchRequest request)
        {
            if (request.Watch)
            {
                Context.Watch(request.Subject);
            }
            else
            {
                Context.Unwatch(request.Subject);
            }
            request.Done.TrySetResult();
            return true;
        }
        if (ignore() is { } shouldIgnore && shouldIgnore(message))
        {
            return true;
        }
        queue.Enqueue(new ReceivedMessage(message, Sender));
        return true;
    }
}
