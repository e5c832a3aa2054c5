using System.Diagnostics;
using System.Text.Json;
using ActorMap.Compute;
using ActorMap.Compute.Jobs;
using ActorMap.Compute.Telemetry;
using ActorMap.Compute.Workers;
using ActorMap.Functions;
using ActorMap.Functions.Input;
using ActorMap.Hosting.Wire;
using ActorMap.Messages.Compute;
using Akka.Actor;
using Google.Protobuf;

namespace ActorMap.Hosting.Jobs;

/// <summary>
/// Runs one client job on the cluster: compiles the lambda (the Seed needs its result type),
/// sizes chunks for the cluster's current workers, runs the job through the worker directory,
/// and sends back progress, then the result as JSON parts, or the failure, through the job's
/// <see cref="ClusterJob.Send"/>.
/// </summary>
internal sealed class JobRunner(MapPool pool, IActorRef directory, MapOptions defaults, Shipping.ShippedFunctions shipped)
{
    /// <summary>
    /// 64 Ki elements: 512 KiB of longs each way. The connection between two nodes also carries
    /// their heartbeats, so a default chunk stays well under 1 MiB.
    /// </summary>
    private const int MaxDefaultChunk = 64 * 1024;

    public async Task RunAsync(ClusterJob job, SubmitJob submit, MapInput input)
    {
        // The input is all here: the end of the job's upload.
        var received = Stopwatch.GetTimestamp();
        try
        {
            // Held until the job ends: the lambda stays loaded, the shipped set's context alive.
            using var loaded = await Task.Run(() => SeedFunction.Load(submit, input, shipped)).ConfigureAwait(false);
            var reduce = loaded.Reduce;
            var workers = Math.Max(1, await directory.Ask<int>(GetWorkerCount.Instance, TimeSpan.FromSeconds(10)).ConfigureAwait(false));
            var options = Options(submit, input, workers, job, loaded.Source);
            // Before the first chunk goes out (MapPool starts it), so a dashboard never misses one.
            var recorder = new JobRecorder(job.Id, loaded.Text);
            job.Recorder = recorder;
            options = options with { Recorder = recorder };
            var chunkSize = options.ChunkSize ?? ChunkPlan.DefaultChunkSize(input.Length, workers);
            job.Send(new ServerMessage
            {
                Accepted = new JobAccepted
                {
                    JobId = job.Id, Elements = input.Length, Workers = workers,
                    Chunks = (int)((input.Length + chunkSize - 1) / chunkSize),
                },
            });
            // count maps to a different function (1 per result), which other nodes cannot compile from
            // the source they get: map there, count here.
            if (reduce.Kind == ReduceKind.None)
            {
                // Results go back in input order while the job runs: each part as soon as its prefix is done.
                byte[]? pending = null;
                await loaded.Function.StreamJsonAsync(pool, input, options, ResultJson.Options, ResultJson.PartSize, part =>
                {
                    var previous = pending;
                    pending = part;
                    return previous is null
                        ? ValueTask.CompletedTask
                        : job.SendPartAsync(new ServerMessage { Result = new JobResultPart { JobId = job.Id, Json = ByteString.CopyFrom(previous), Last = false } }, job.Token);
                }, job.Token).ConfigureAwait(false);
                SendReport(job, submit, received);
                job.Send(new ServerMessage { Result = new JobResultPart { JobId = job.Id, Json = ByteString.CopyFrom(pending ?? []), Last = true } });
                return;
            }
            var counting = reduce.Kind == ReduceKind.Count;
            var outcome = await loaded.Function.RunAsync(pool, input, counting ? ReduceChoice.None : reduce, options, job.Token).ConfigureAwait(false);
            if (counting)
            {
                outcome = new JobOutcome(Count((Array)outcome.Value!), typeof(long));
            }
            var json = JsonSerializer.SerializeToUtf8Bytes(outcome.Value, outcome.ValueType, ResultJson.Options);
            SendReport(job, submit, received);
            SendResult(job, json);
        }
        catch (UsageException e)
        {
            job.Send(new ServerMessage { Failure = new JobFailure { JobId = job.Id, UsageError = true, Message = e.Message, ElementIndex = -1 } });
        }
        catch (MapJobException e)
        {
            // A job can fail before its chunks go out (a reduce of nothing): its recorder ends here then.
            job.Recorder?.Ended(JobEnd.Failed, JobFailureView.From(e));
            SendReport(job, submit, received);
            job.Send(new ServerMessage
            {
                Failure = new JobFailure
                {
                    JobId = job.Id, Message = e.Message, ElementIndex = e.ElementIndex, ErrorType = e.ErrorType,
                    ErrorMessage = e.ErrorMessage, StackTrace = e.WorkerStackTrace, Worker = e.Worker, Attempts = e.Attempts,
                },
            });
        }
        catch (Exception e) when (e is OperationCanceledException or ArgumentException or InvalidOperationException or TimeoutException)
        {
            job.Recorder?.Ended(e is OperationCanceledException ? JobEnd.Cancelled : JobEnd.Failed, e is OperationCanceledException ? null : JobFailureView.From(e));
            SendReport(job, submit, received);
            job.Send(new ServerMessage
            {
                Failure = new JobFailure
                {
                    JobId = job.Id, UsageError = e is ArgumentException, ElementIndex = -1,
                    Message = e is OperationCanceledException ? $"job {job.Id} was cancelled" : $"job {job.Id}: {e.Message}",
                },
            });
        }
    }

    private MapOptions Options(SubmitJob submit, MapInput input, int workers, ClusterJob job, FunctionSource source)
    {
        var lastReport = 0L;
        return SupervisionWire.Read(submit).ApplyTo(defaults with
        {
            Workers = workers,
            // Chunks cross the network: keep each well inside a frame unless the user chose a size.
            ChunkSize = submit.ChunkSize > 0 ? submit.ChunkSize
                : defaults.ChunkSize ?? Math.Min(ChunkPlan.DefaultChunkSize(input.Length, workers), MaxDefaultChunk),
            Balancing = string.IsNullOrEmpty(submit.Balancing) ? defaults.Balancing : MapOptions.ParseBalancing(submit.Balancing, "balancing"),
            MaxChunksInFlightPerWorker = submit.MaxChunksInFlightPerWorker > 0 ? submit.MaxChunksInFlightPerWorker : defaults.MaxChunksInFlightPerWorker,
            Source = source,
            Progress = new Progress(p =>
            {
                job.Progress = p;
                // A progress line every 100 ms at most, and always the last one.
                var now = Environment.TickCount64;
                if (p.ChunksDone == p.TotalChunks || now - Interlocked.Read(ref lastReport) >= 100)
                {
                    Interlocked.Exchange(ref lastReport, now);
                    job.Send(new ServerMessage
                    {
                        Progress = new JobProgress
                        {
                            JobId = job.Id, ElementsDone = p.ElementsDone, TotalElements = p.TotalElements,
                            ChunksDone = p.ChunksDone, TotalChunks = p.TotalChunks,
                        },
                    });
                }
            }),
        }).Validated();
    }

    /// <summary>
    /// The job's report, when the client asked for one, just before the message that ends the
    /// job. Upload is the Run call's start to its input's arrival; compute from there to the job's
    /// end (compiling the lambda included); download what passed since, the result's last part on
    /// its way (the client adds what it sees of the rest).
    /// </summary>
    private static void SendReport(ClusterJob job, SubmitJob submit, long received)
    {
        if (!submit.WantReport || job.Recorder is not { } recorder)
        {
            return;
        }
        var sinceReceived = Stopwatch.GetElapsedTime(received);
        var download = recorder.EndedAt is { } ended ? Max(DateTimeOffset.UtcNow - ended, TimeSpan.Zero) : TimeSpan.Zero;
        var phases = new JobPhases(Stopwatch.GetElapsedTime(job.Created, received), Max(sinceReceived - download, TimeSpan.Zero), download, false);
        job.Send(new ServerMessage { Report = JobReportWire.ToWire(Compute.Telemetry.JobReport.From(recorder, phases)) });
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static long Count(Array results) => results is bool[] flags ? flags.LongCount(f => f) : results.LongLength;

    private static void SendResult(ClusterJob job, byte[] json)
    {
        var offset = 0;
        do
        {
            var length = Math.Min(ResultJson.PartSize, json.Length - offset);
            job.Send(new ServerMessage
            {
                Result = new JobResultPart
                {
                    JobId = job.Id,
                    Json = ByteString.CopyFrom(json, offset, length),
                    Last = offset + length >= json.Length,
                },
            });
            offset += length;
        }
        while (offset < json.Length);
    }

    private sealed class Progress(Action<MapProgress> report) : IProgress<MapProgress>
    {
        public void Report(MapProgress value) => report(value);
    }
}
