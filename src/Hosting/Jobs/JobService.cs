using System.Globalization;
using ActorMap.Hosting.Api;
using ActorMap.Hosting.Wire;
using ActorMap.Messages.Compute;
using Akka.Actor;
using Akka.Hosting;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace ActorMap.Hosting.Jobs;

/// <summary>
/// The Seed's client endpoint. A job is one Run stream: the submission and its input parts come
/// in, progress and the result go out as they are ready. A client that cancels, or whose stream
/// breaks (Ctrl+C, a crash), cancels its job on the cluster.
/// </summary>
internal sealed partial class JobService(SeedJobs seed, IRequiredActor<StatusView> status, ApiLimits limits, ILoggerFactory loggers, Dashboard.DashboardAddress dashboard)
    : Messages.Compute.JobService.JobServiceBase
{
    private static readonly TimeSpan s_statusTimeout = TimeSpan.FromSeconds(10);

    private readonly ILogger _log = loggers.CreateLogger(ApiLog.Category);
    private readonly JobIntake _intake = new(limits);

    public override async Task Run(IAsyncStreamReader<ClientMessage> requestStream, IServerStreamWriter<ServerMessage> responseStream, ServerCallContext context)
    {
        var job = seed.Jobs.TryStart(limits.MaxConcurrentJobs)
            ?? throw Refused(context, new RpcException(new Grpc.Core.Status(StatusCode.ResourceExhausted, string.Create(CultureInfo.InvariantCulture,
                $"this Seed runs {limits.MaxConcurrentJobs} jobs already, its most at once {ApiLimits.Describe(ApiLimits.MaxConcurrentJobsKey, limits.MaxConcurrentJobs)}; try again when one has ended"))));
        // The request stream must not be read once this call has ended: the reader of cancels stops with it.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var watch = Task.CompletedTask;
        try
        {
            using var disconnected = context.CancellationToken.Register(job.Cancel);
            var (submit, input) = await ReceiveAsync(requestStream, context).ConfigureAwait(false);
            _ = Task.Run(() => seed.Runner.RunAsync(job, submit, input), CancellationToken.None);
            watch = WatchForCancelAsync(requestStream, job, submit.InputParts, context, ended.Token);
            await foreach (var message in job.Outbox.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                // HTTP/2 flow control: this waits while the client reads slowly, and the job waits behind it.
                await responseStream.WriteAsync(message, context.CancellationToken).ConfigureAwait(false);
                job.Written(message);
            }
            await ended.CancelAsync().ConfigureAwait(false);
            await watch.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && context.CancellationToken.IsCancellationRequested)
        {
            // The client went away (mid-input too); its job was cancelled by the registration above.
        }
        finally
        {
            job.Cancel();
            seed.Jobs.End(job);
        }
    }

    /// <summary>The submission and its input, or a refusal logged with the client's address and thrown to it.</summary>
    private async Task<(SubmitJob Submit, Functions.Input.MapInput Input)> ReceiveAsync(IAsyncStreamReader<ClientMessage> requests, ServerCallContext context)
    {
        try
        {
            return await _intake.ReadAsync(requests, context.CancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (!context.CancellationToken.IsCancellationRequested)
        {
            // Ours, or gRPC's own (a message over actormap.api.limits.max-message-size).
            throw Refused(context, e);
        }
    }

    public override async Task<StatusReply> Status(StatusRequest request, ServerCallContext context)
    {
        var reply = await status.ActorRef.Ask<StatusReply>(request, s_statusTimeout, context.CancellationToken).ConfigureAwait(false);
        reply.DashboardUrl = dashboard.Url ?? "";
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

    private async Task WatchForCancelAsync(IAsyncStreamReader<ClientMessage> requests, ClusterJob job, int parts, ServerCallContext context, CancellationToken cancellationToken)
    {
        try
        {
            while (await requests.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                if (requests.Current.KindCase == ClientMessage.KindOneofCase.Cancel)
                {
                    job.Cancel();
                }
                else if (requests.Current.KindCase is ClientMessage.KindOneofCase.InputPart or ClientMessage.KindOneofCase.Submit)
                {
                    var reason = string.Create(CultureInfo.InvariantCulture, $"the stream carried more than the {parts} input parts its submission declared");
                    ApiLog.JobRefused(_log, Peer(context), reason);
                    job.Send(UsageFailure(job, reason));
                    job.Cancel();
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or RpcException or InvalidOperationException)
        {
            // Also the end of the job's own call (then cancelling the finished job does nothing).
            job.Cancel();
        }
    }

    private RpcException Refused(ServerCallContext context, RpcException refusal)
    {
        ApiLog.JobRefused(_log, Peer(context), refusal.Status.Detail);
        return refusal;
    }

    private static string Peer(ServerCallContext context)
    {
        var connection = context.GetHttpContext().Connection;
        return PeerAddress.Of(connection.RemoteIpAddress, connection.RemotePort);
    }

    private static ServerMessage UsageFailure(ClusterJob job, string message) =>
        new() { Failure = new JobFailure { JobId = job.Id, UsageError = true, ElementIndex = -1, Message = message } };
}

/// <summary>What the Seed's endpoint runs jobs with, created once the actor system is up.</summary>
internal sealed class SeedJobs(JobRunner runner, Shipping.ShippedFunctions shipped)
{
    public JobRunner Runner { get; } = runner;

    /// <summary>The Seed's store of shipped assemblies, where clients upload.</summary>
    public Shipping.ShippedFunctions Shipped { get; } = shipped;

    public RunningJobs Jobs { get; } = new();
}
