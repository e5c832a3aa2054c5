using ActorMap.Compute;
using ActorMap.Hosting.Client;

namespace ActorMap.Bench.Faults;

/// <summary>
/// A long CPU-bound job on the cluster that keeps every worker busy: <see cref="WhenBusyAsync"/> returns
/// at its first progress report, when every worker holds chunks (round-robin hands each worker
/// its in-flight window at the start). Disposing cancels it on the cluster.
/// </summary>
/// <remarks>
/// Each job has a connection of its own: a later job on a reused connection now and then fails,
/// the Seed logging "Error when executing service method 'Run'. (InvalidOperationException:
/// Reading is already in progress.)" (3 of 200 here; none of 160 with a connection each), and
/// that would end the suite rather than measure it.
/// </remarks>
internal sealed class BusyJob : IAsyncDisposable, IProgress<MapProgress>
{
    // About 20 ms a chunk here; 4,000 chunks outlast any measurement, and the job is cancelled after it.
    private const string SlowLambda = "x => { var s = 0.0; for (var i = 0; i < 2000; i++) s += Math.Sqrt(i + x); return s; }";
    private const int Elements = 2_000_000;
    private const int ChunkSize = 500;

    private readonly ClusterMapPool _pool;
    private readonly CancellationTokenSource _cancel = new();
    private readonly TaskCompletionSource _busy = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _job;

    private BusyJob(ClusterMapPool pool)
    {
        _pool = pool;
        _job = pool.MapReduceAsync<double>(SlowLambda, new LongRange(0, Elements), "sum", new MapOptions { ChunkSize = ChunkSize, Progress = this }, _cancel.Token);
    }

    /// <summary>Starts the job on the Seed whose client endpoint is <paramref name="api"/>.</summary>
    public static async Task<BusyJob> StartAsync(string api) => new(await ClusterMapPool.ConnectAsync(api));

    /// <summary>Returns once the job runs on every worker; throws if the job ends first.</summary>
    public async Task WhenBusyAsync(TimeSpan timeout)
    {
        if (await Task.WhenAny(_busy.Task, _job).WaitAsync(timeout) != _busy.Task)
        {
            await _job;
            throw new InvalidOperationException("the busy job ended before it was busy");
        }
    }

    /// <summary>Warms every node's lambda cache with this job's lambda (a short run of it).</summary>
    public static async Task WarmAsync(string api)
    {
        await using var pool = await ClusterMapPool.ConnectAsync(api);
        await pool.MapReduceAsync<double>(SlowLambda, new LongRange(0, 4 * ChunkSize * 4), "sum", new MapOptions { ChunkSize = ChunkSize });
    }

    public void Report(MapProgress value)
    {
        if (value.ChunksDone > 0)
        {
            _busy.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync();
        try
        {
            await _job.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
            // What cancelling it is for.
        }
        _cancel.Dispose();
        await _pool.DisposeAsync();
    }
}
