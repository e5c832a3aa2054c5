using System.Collections.Concurrent;
using Akka.Actor;

namespace ActorMap.Hosting.Registration;

/// <summary>
/// On a node: one cancellation token per job whose chunks run here. Chunks arriving from the Seed
/// run with their job's token; the Seed's <c>CancelChunks</c> at the end of a job cancels it, so
/// a chunk of a finished, failed or cancelled job stops within a few elements.
/// </summary>
internal sealed class JobCancellations : IExtension
{
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _jobs = new();

    public static JobCancellations Get(ActorSystem system) => system.WithExtension<JobCancellations, JobCancellationsProvider>();

    public CancellationToken TokenFor(long jobId) => _jobs.GetOrAdd(jobId, static _ => new CancellationTokenSource()).Token;

    /// <summary>The node is going away: every chunk running here is abandoned.</summary>
    public void CancelAll()
    {
        foreach (var jobId in _jobs.Keys)
        {
            Cancel(jobId);
        }
    }

    public void Cancel(long jobId)
    {
        if (_jobs.TryRemove(jobId, out var source))
        {
            source.Cancel();
            source.Dispose();
        }
    }
}

internal sealed class JobCancellationsProvider : ExtensionIdProvider<JobCancellations>
{
    public override JobCancellations CreateExtension(ExtendedActorSystem system) => new();
}
