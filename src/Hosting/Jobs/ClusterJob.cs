using System.Collections.Concurrent;
using System.Threading.Channels;
using ActorMap.Compute;
using ActorMap.Messages.Compute;

namespace ActorMap.Hosting.Jobs;

/// <summary>One client's job on the Seed: what goes back to the client, how far it is, and how to stop it.</summary>
internal sealed class ClusterJob(long id) : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();

    // Result parts wait here for the client's stream, a few MiB at most: a slow client holds the
    // job's result stream (SendPartAsync), and the job's router stops dispatching behind it.
    private const int PartsAhead = 4;

    private readonly Channel<ServerMessage> _outbox = Channel.CreateUnbounded<ServerMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _partsAhead = new(PartsAhead);

    public long Id { get; } = id;

    /// <summary>When the Run call began (a Stopwatch timestamp): the start of the job's upload, for its report.</summary>
    public long Created { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    public CancellationToken Token => _cancellation.Token;

    public ChannelReader<ServerMessage> Outbox => _outbox.Reader;

    /// <summary>Written by the job's progress callback, read by status: a reference swap, never torn.</summary>
    public volatile MapProgress? Progress;

    private volatile Compute.Telemetry.JobRecorder? _recorder;

    /// <summary>The job chunk by chunk: set by <see cref="JobRunner"/> before its first chunk goes out, readable after it ends.</summary>
    public Compute.Telemetry.JobRecorder? Recorder
    {
        get => _recorder;
        set => _recorder = value;
    }

    /// <summary>Thread-safe; the message that ends the job (the last result part or a failure) closes the outbox.</summary>
    public void Send(ServerMessage message)
    {
        _outbox.Writer.TryWrite(message);
        if (message.KindCase == ServerMessage.KindOneofCase.Failure || message is { KindCase: ServerMessage.KindOneofCase.Result, Result.Last: true })
        {
            _outbox.Writer.TryComplete();
        }
    }

    /// <summary>Waits while <see cref="PartsAhead"/> result parts are not yet written to the client.</summary>
    public async ValueTask SendPartAsync(ServerMessage part, CancellationToken cancellationToken)
    {
        await _partsAhead.WaitAsync(cancellationToken).ConfigureAwait(false);
        Send(part);
    }

    /// <summary>The endpoint wrote a message to the client's stream.</summary>
    public void Written(ServerMessage message)
    {
        if (message is { KindCase: ServerMessage.KindOneofCase.Result, Result.Last: false })
        {
            _partsAhead.Release();
        }
    }

    public void Cancel() => _cancellation.Cancel();

    public void Dispose()
    {
        _cancellation.Dispose();
        _partsAhead.Dispose();
    }
}

/// <summary>The Seed's running jobs, for status and for job ids.</summary>
internal sealed class RunningJobs
{
    private readonly ConcurrentDictionary<long, ClusterJob> _jobs = new();
    private long _nextId;

    private int _count;

    /// <summary>Jobs that ended, for the dashboard.</summary>
    public Dashboard.RecentJobs Recent { get; } = new();

    /// <summary>A new job, or null when <paramref name="max"/> are running already.</summary>
    public ClusterJob? TryStart(int max)
    {
        // Counted apart from the dictionary: reserve a place first, so two racing starts cannot both take the last one.
        if (Interlocked.Increment(ref _count) > max)
        {
            Interlocked.Decrement(ref _count);
            return null;
        }
        var job = new ClusterJob(Interlocked.Increment(ref _nextId));
        _jobs[job.Id] = job;
        return job;
    }

    public void End(ClusterJob job)
    {
        if (_jobs.TryRemove(job.Id, out _))
        {
            Interlocked.Decrement(ref _count);
            Recent.Add(job);
        }
        job.Dispose();
    }

    public int Count => _jobs.Count;

    public IEnumerable<ClusterJob> All => _jobs.Values.OrderBy(j => j.Id);
}
