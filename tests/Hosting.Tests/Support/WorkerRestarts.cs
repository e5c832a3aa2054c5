using Akka.Actor;
using Akka.Event;

namespace ActorMap.Hosting.Tests.Support;

/// <summary>
/// Counts a node's worker restarts through Akka's own lifecycle events: with
/// <c>akka.actor.debug.lifecycle = on</c> each restarted actor publishes a Debug event
/// "Restarted (its type)" on its system's event stream, whatever the log level. A resumed
/// worker publishes nothing.
/// </summary>
/// <remarks>
/// A worker publishes its restart before it takes its next message. With one worker on the node,
/// a failed chunk's retry is that next message, so by the time its job has succeeded the restart
/// has been published, ahead of the count the spec asks for afterwards.
/// </remarks>
internal sealed class WorkerRestarts
{
    private readonly IActorRef _listener;

    private WorkerRestarts(IActorRef listener) => _listener = listener;

    /// <summary>The WorkerNode settings that make its actors publish their lifecycle.</summary>
    public static IReadOnlyDictionary<string, string> NodeSettings { get; } = new Dictionary<string, string> { ["akka.actor.debug.lifecycle"] = "on" };

    public static WorkerRestarts Watch(ActorSystem system)
    {
        var listener = system.ActorOf(Props.Create(() => new Listener()));
        system.EventStream.Subscribe(listener, typeof(Debug));
        return new WorkerRestarts(listener);
    }

    /// <summary>Restarts so far: the answer comes after every event published before the question.</summary>
    public Task<int> CountAsync() => _listener.Ask<int>(Count.Instance, TimeSpan.FromSeconds(10));

    private sealed class Count
    {
        public static readonly Count Instance = new();
    }

    private sealed class Listener : ReceiveActor
    {
        private int _restarts;

        public Listener()
        {
            Receive<Debug>(debug =>
            {
                if (debug.LogSource.Contains("/user/workers/worker-", StringComparison.Ordinal)
                    && debug.Message?.ToString()?.StartsWith("Restarted (", StringComparison.Ordinal) == true)
                {
                    _restarts++;
                }
            });
            Receive<Count>(_ => Sender.Tell(_restarts));
        }
    }
}
