using System.Diagnostics;
using System.Text.Json;
using ActorMap.Bench.Faults;
using ActorMap.Functions.Input;
using ActorMap.Hosting.Client;
using ActorMap.Hosting.Jobs;
using ActorMap.Messages.Compute;

namespace ActorMap.Bench.Recovery;

/// <summary>
/// Runs the 40-chunk job once from a client of its own, timed from submission to the result, and
/// optionally strikes a node <see cref="FaultAfter"/> after the Seed's JobAccepted reached this
/// process: the issue defines the fault's time relative to the job's start, so a timer from that
/// observed start is the trigger.
/// </summary>
internal static class FaultedRun
{
    public static readonly TimeSpan FaultAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_job = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan s_status = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_withdrawn = TimeSpan.FromSeconds(30);

    /// <param name="balancing">"round-robin", "pull", or "" for the cluster's default.</param>
    public static async Task<RecoveryRun> RunAsync(RecoveryNodes nodes, string balancing, long[] input, NodeProcess? victim = null, Func<NodeProcess, Task>? fault = null)
    {
        var cluster = nodes.Cluster;
        await using var client = ClusterClient.Connect(nodes.Api);
        var before = await client.StatusAsync(s_status, CancellationToken.None);
        var processes = nodes.Processes;
        var cpuBefore = processes.Sum(p => p.CpuSeconds() ?? 0);
        var busyBefore = ProcStat.MachineBusySeconds();
        var accepted = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var submit = new SubmitJob { FunctionSource = BurnJob.Lambda, ChunkSize = 1, RetriesPerChunk = -1, Balancing = balancing };
        var mark = cluster.Seed.Lines.Count;
        var started = Stopwatch.GetTimestamp();
        var job = client.RunAsync(submit, new ListMapInput(ElementKind.Long, input), null, _ => accepted.TrySetResult(Stopwatch.GetTimestamp()), CancellationToken.None);
        long? struck = null;
        if (victim is not null && fault is not null)
        {
            if (await Task.WhenAny(accepted.Task, job).WaitAsync(s_job) != accepted.Task)
            {
                await job;
                throw new InvalidOperationException("the job ended before the Seed accepted it");
            }
            var wait = FaultAfter - Stopwatch.GetElapsedTime(accepted.Task.Result);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            struck = Stopwatch.GetTimestamp();
            await fault(victim);
        }
        var json = await job.WaitAsync(s_job);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var busy = ProcStat.MachineBusySeconds() - busyBefore;
        var cpu = processes.Sum(p => p.CpuSeconds() ?? 0) - cpuBefore;
        var values = JsonSerializer.Deserialize<long[]>(json, ResultJson.Options) ?? [];
        var after = await client.StatusAsync(s_status, CancellationToken.None);
        double? faultAt = null, withdrawn = null;
        string? reason = null;
        if (struck is { } t)
        {
            var line = await cluster.WithdrawnAsync(victim!, mark, s_withdrawn);
            faultAt = Stopwatch.GetElapsedTime(accepted.Task.Result, t).TotalSeconds;
            withdrawn = Stopwatch.GetElapsedTime(t, line.Timestamp).TotalSeconds;
            reason = FaultCluster.Reason(line);
        }
        return new RecoveryRun(seconds, BurnJob.IsCorrect(values), faultAt, withdrawn, reason,
            after.ChunksRedispatched - before.ChunksRedispatched, after.LateResultsDropped - before.LateResultsDropped, cpu, busy);
    }
}
