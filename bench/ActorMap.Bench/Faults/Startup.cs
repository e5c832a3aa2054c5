using System.Diagnostics;
using System.Text;
using ActorMap.Compute;
using ActorMap.Functions.Input;
using ActorMap.Hosting.Client;
using ActorMap.Messages.Compute;

namespace ActorMap.Bench.Faults;

/// <summary>Seconds from a WorkerNode's process start to its own "listening on" line, to the Seed offering its workers, and to the waiting job's end.</summary>
internal sealed record StartupTiming(double Listening, double Offered, double JobDone);

/// <summary>
/// A WorkerNode's start to its first chunk: a fresh Seed with no workers holds a small job,
/// accepted and waiting, when the WorkerNode's process starts (t0).
/// </summary>
internal static class Startup
{
    private const string Lambda = "x => x + 1";
    private static readonly LongRange s_input = new(0, 1000);
    private static readonly TimeSpan s_job = TimeSpan.FromSeconds(60);

    /// <summary>Runs the job once on a cluster with workers, so every node finds the lambda in the shared cache.</summary>
    public static async Task WarmAsync(string api)
    {
        await using var pool = await ClusterMapPool.ConnectAsync(api);
        await pool.MapReduceAsync<long>(Lambda, s_input, "sum");
    }

    public static async Task<StartupTiming> OnceAsync(string scratch)
    {
        using var cluster = new FaultCluster(scratch);
        var api = await cluster.StartSeedAsync();
        // ClusterClient rather than ClusterMapPool: only it reports the Seed's JobAccepted.
        await using var client = ClusterClient.Connect(api);
        var accepted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var submit = new SubmitJob { FunctionSource = Lambda, Reduce = "sum", RetriesPerChunk = -1 };
        var job = client.RunAsync(submit, new RangeMapInput(s_input), null, _ => accepted.TrySetResult(), CancellationToken.None);
        if (await Task.WhenAny(accepted.Task, job).WaitAsync(s_job) != accepted.Task)
        {
            throw new InvalidOperationException($"the job ended before any worker existed: {Encoding.UTF8.GetString(await job)}");
        }

        var from = cluster.Seed.Lines.Count;
        var worker = cluster.StartWorker();
        var offered = await cluster.OfferedAsync(worker, from);
        var result = Encoding.UTF8.GetString(await job.WaitAsync(s_job));
        var done = Stopwatch.GetTimestamp();
        if (result.Trim() != "500500")
        {
            throw new InvalidOperationException($"the waiting job returned {result}, not 500500");
        }
        var listening = await worker.Lines.FirstAsync(0, FaultCluster.NodeStart, worker.Name, "ActorMap.Node", "listening on ");
        return new StartupTiming(Seconds(worker.Started, listening.Timestamp), Seconds(worker.Started, offered.Timestamp), Seconds(worker.Started, done));
    }

    private static double Seconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalSeconds;
}
