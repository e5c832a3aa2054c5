using ActorMap.Functions;
using ActorMap.Hosting.Wire;
using ActorMap.Messages.Compute;
using Akka.Actor;
using Akka.Hosting;
using Grpc.Core;

namespace ActorMap.Hosting.Jobs;

/// <summary>
/// The Seed's client endpoint. A job is one Run stream: the submission and its input parts come
/// in, progress and the result go out as they are ready. A client that cancels, or whose stream
/// breaks (Ctrl+C, a crash), cancels its job on the cluster.
/// </summary>
internal sealed class JobService(SeedJobs seed, IRequiredActor<StatusView> status) : Messages.Compute.JobService.JobServiceBase
{
    private static readonly TimeSpan s_statusTimeout = TimeSpan.FromSeconds(10);

    public override async Task Run(IAsyncStreamReader<ClientMessage> requestStream, IServerStreamWriter<ServerMessage> responseStream, ServerCallContext context)
    {
        var job = seed.Jobs.Start();
        // The request stream must not be read once this call has ended: the reader of cancels stops with it.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var watch = Task.CompletedTask;
        try
        {
            using var disconnected = context.CancellationToken.Register(job.Cancel);
            var received = await ReceiveAsync(requestStream, job, context.CancellationToken).ConfigureAwait(false);
            if (received is { } submission)
            {
                _ = Task.Run(() => seed.Runner.RunAsync(job, submission.Submit, submission.Input), CancellationToken.None);
                watch = WatchForCancelAsync(requestStream, job, ended.Token);
            }
            await foreach (var message in job.Outbox.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                // HTTP/2 flow control: this waits while the client reads slowly, and the job waits behind it.
                await responseStream.WriteAsync(message, context.CancellationToken).ConfigureAwait(false);
                job.Written(message);
            }
            await ended.CancelAsync().ConfigureAwait(false);
            await watch.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client went away; its job was cancelled by the registration above.
        }
        finally
        {
            seed.Jobs.End(job);
        }
    }

    public override async Task<StatusReply> Status(StatusRequest request, ServerCallContext context)
    {
        var reply = await status.ActorRef.Ask<StatusReply>(request, s_statusTimeout, context.CancellationToken).ConfigureAwait(false);
        foreach (var job in seed.Jobs.All)
        {
            var p = job.Progress;
            reply.Jobs.Add(new JobRow
            {
                JobId = job.Id, Elements = p?.TotalElements ?? 0, ElementsDone = p?.ElementsDone ?? 0,
                Chunks = p?.TotalChunks ?? 0, ChunksDone = p?.ChunksDone ?? 0,
            });
        }
        return reply;
    }

    /// <summary>The submission and its input parts; null (with the failure sent) when they are malformed.</summary>
    private static async Task<(SubmitJob Submit, Functions.Input.MapInput Input)?> ReceiveAsync(
        IAsyncStreamReader<ClientMessage> requests, ClusterJob job, CancellationToken cancellationToken)
    {
        if (!await requests.MoveNext(cancellationToken).ConfigureAwait(false) || requests.Current.KindCase != ClientMessage.KindOneofCase.Submit)
        {
            job.Send(UsageFailure(job, "a job stream must start with a submit message"));
            return null;
        }
        var submit = requests.Current.Submit;
        var parts = new List<Elements>(submit.InputParts);
        while (parts.Count < submit.InputParts)
        {
            if (!await requests.MoveNext(cancellationToken).ConfigureAwait(false) || requests.Current.KindCase != ClientMessage.KindOneofCase.InputPart)
            {
                job.Send(UsageFailure(job, $"the input ended after {parts.Count} of {submit.InputParts} parts"));
                return null;
            }
            parts.Add(requests.Current.InputPart);
        }
        try
        {
            return (submit, ElementsCodec.ToInput(submit.Input, parts));
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or UsageException or OverflowException)
        {
            job.Send(UsageFailure(job, $"malformed input: {e.Message}"));
            return null;
        }
    }

    private static async Task WatchForCancelAsync(IAsyncStreamReader<ClientMessage> requests, ClusterJob job, CancellationToken cancellationToken)
    {
        try
        {
            while (await requests.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                if (requests.Current.KindCase == ClientMessage.KindOneofCase.Cancel)
                {
                    job.Cancel();
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or RpcException or InvalidOperationException)
        {
            // Also the end of the job's own call (then cancelling the finished job does nothing).
            job.Cancel();
        }
    }

    private static ServerMessage UsageFailure(ClusterJob job, string message) =>
        new() { Failure = new JobFailure { JobId = job.Id, UsageError = true, ElementIndex = -1, Message = message } };
}

/// <summary>What the Seed's endpoint runs jobs with, created once the actor system is up.</summary>
internal sealed class SeedJobs(JobRunner runner)
{
    public JobRunner Runner { get; } = runner;

    public RunningJobs Jobs { get; } = new();
}
