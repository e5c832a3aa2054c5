using ActorMap.Messages.Compute;
using ActorMap.Runtime.Actor;

namespace ActorMap.Hosting.Client;

/// <summary>
/// Receives one job's replies from the Seed: progress, the result in parts, or the failure.
/// Watching the Seed's endpoint turns a lost Seed into an error instead of a hang.
/// </summary>
internal sealed class ClientJobActor : ReceiveActor
{
    private readonly MemoryStream _result = new();
    private long _jobId = -1;

    public ClientJobActor(IActorRef jobs, TaskCompletionSource<byte[]> done, Action<JobProgress>? progress, Action<JobAccepted>? accepted, string seed,
        Action<ReadOnlyMemory<byte>>? onPart = null)
    {
        Context.Watch(jobs);
        Receive<JobAccepted>(a =>
        {
            _jobId = a.JobId;
            accepted?.Invoke(a);
        });
        Receive<JobProgress>(p => progress?.Invoke(p));
        Receive<JobResultPart>(part =>
        {
            if (onPart is null)
            {
                part.Json.WriteTo(_result);
            }
            else
            {
                // Streamed: the caller writes each part out as it arrives, in order.
                onPart(part.Json.Memory);
            }
            if (part.Last)
            {
                done.TrySetResult(_result.ToArray());
            }
        });
        Receive<JobFailure>(failure => done.TrySetException(new ClusterJobException(failure)));
        Receive<Cancel>(_ =>
        {
            if (_jobId >= 0)
            {
                jobs.Tell(new CancelJobRequest { JobId = _jobId }, Self);
            }
            done.TrySetCanceled();
        });
        Receive<Terminated>(_ => done.TrySetException(new ClusterJobException(new JobFailure
        {
            JobId = _jobId, ElementIndex = -1, Message = $"lost the connection to the seed at {seed} (is it running, with the same ACTORMAP_SECRET and cluster name?)",
        })));
    }

    internal sealed class Cancel
    {
        public static readonly Cancel Instance = new();
    }
}
