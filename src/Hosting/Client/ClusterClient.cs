using ActorMap.Functions.Input;
using ActorMap.Hosting.Nodes;
using ActorMap.Hosting.Security;
using System.Security.Cryptography.X509Certificates;
using ActorMap.Hosting.Wire;
using ActorMap.Messages.Compute;
using Grpc.Core;
using Grpc.Net.Client;

namespace ActorMap.Hosting.Client;

/// <summary>
/// The console's and <see cref="ClusterMapPool"/>'s side of a cluster: a gRPC channel to the
/// Seed's client endpoint. Akka.Remote is for nodes, not clients.
/// </summary>
internal sealed partial class ClusterClient : IAsyncDisposable
{
    public const int DefaultApiPort = 4080;

    /// <summary>Input travels in parts of about this size, far below gRPC's message limit.</summary>
    private const int InputPartBytes = 1024 * 1024;

    /// <summary>How long a silent Seed connection waits for a ping, and for its answer.</summary>
    public static readonly TimeSpan KeepAlivePing = TimeSpan.FromSeconds(10);

    private readonly GrpcChannel _channel;
    private readonly JobService.JobServiceClient _jobs;

    private ClusterClient(GrpcChannel channel, string seed)
    {
        _channel = channel;
        _jobs = new JobService.JobServiceClient(channel);
        Seed = seed;
    }

    public string Seed { get; }

    /// <exception cref="ArgumentException">The seed is not HOST[:PORT], or the credentials cannot be read (named).</exception>
    public static ClusterClient Connect(string seed, ClusterCredentials? credentials = null)
    {
        var (host, port) = NodeCommandLine.HostAndPort(seed, "--seed", DefaultApiPort);
        credentials ??= new ClusterCredentials();
        var tls = credentials.TlsDirectory is { } directory ? ClusterCertificates.LoadForClient(Path.GetFullPath(directory)) : null;
        var token = ClientAuthentication.ReadToken(credentials.TokenFile);
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            // A Seed that dies resets the connection at once; one that freezes or is cut off says
            // nothing, so pings find out: a job then fails within delay + timeout, never hangs.
            KeepAlivePingDelay = KeepAlivePing,
            KeepAlivePingTimeout = KeepAlivePing,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        };
        if (tls is not null)
        {
            if (tls.Client is { } certificate)
            {
                handler.SslOptions.ClientCertificates = [certificate];
            }
            // The Seed's certificate must come from the cluster's CA; its name is not checked,
            // because clients reach the Seed by whatever name or address the network gives it.
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && tls.Trusts(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        }
        var options = new GrpcChannelOptions { MaxReceiveMessageSize = 8 * 1024 * 1024, HttpHandler = handler };
        if (token is not null)
        {
            var header = "Bearer " + System.Text.Encoding.UTF8.GetString(token);
            options.Credentials = ChannelCredentials.Create(tls is null ? ChannelCredentials.Insecure : ChannelCredentials.SecureSsl,
                CallCredentials.FromInterceptor((_, metadata) =>
                {
                    metadata.Add("authorization", header);
                    return Task.CompletedTask;
                }));
            options.UnsafeUseInsecureChannelCallCredentials = tls is null;
        }
        var channel = GrpcChannel.ForAddress(new UriBuilder(tls is null ? "http" : "https", host, port).Uri, options);
        return new ClusterClient(channel, seed);
    }

    public async Task<StatusReply> StatusAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await _jobs.StatusAsync(new StatusRequest(), deadline: DateTime.UtcNow + timeout, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            throw new ClusterJobException(Unreachable(e), e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new ClusterJobException(Unreachable(new RpcException(new Status(StatusCode.Unavailable, e.Message, e))), e);
        }
    }

    /// <summary>Runs a job on the cluster; completes with the result's JSON, or throws <see cref="ClusterJobException"/>.</summary>
    /// <remarks>
    /// With <paramref name="onPart"/>, the result's JSON is handed over part by part as it arrives, and the returned array is empty.
    /// With <paramref name="onReport"/>, the job's performance report is asked for and handed over once the job has ended,
    /// succeeded or failed, before this call returns or throws.
    /// </remarks>
    public async Task<byte[]> RunAsync(SubmitJob submit, MapInput input, IProgress<Compute.MapProgress>? progress, Action<JobAccepted>? accepted,
        CancellationToken cancellationToken, Action<ReadOnlyMemory<byte>>? onPart = null, Action<Compute.Telemetry.JobReport>? onReport = null)
    {
        ArgumentNullException.ThrowIfNull(submit);
        submit.WantReport = onReport is not null;
        JobReport? report = null;
        var reportArrived = 0L;
        var (first, rest) = ElementsCodec.ToParts(input, InputPartBytes);
        submit.Input = first;
        submit.InputParts = rest.Count;
        submit.Elements = input.Length;
        using var call = _jobs.Run(cancellationToken: cancellationToken);
        var result = new MemoryStream();
        long? jobId = null;
        try
        {
            await call.RequestStream.WriteAsync(new ClientMessage { Submit = submit }, cancellationToken).ConfigureAwait(false);
            foreach (var part in rest)
            {
                await call.RequestStream.WriteAsync(new ClientMessage { InputPart = part }, cancellationToken).ConfigureAwait(false);
            }
            // Nothing more to say: cancelling is cancelling the call, which the Seed sees at once.
            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
            await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                switch (message.KindCase)
                {
                    case ServerMessage.KindOneofCase.Accepted:
                        jobId = message.Accepted.JobId;
                        accepted?.Invoke(message.Accepted);
                        break;
                    case ServerMessage.KindOneofCase.Progress:
                        var p = message.Progress;
                        progress?.Report(new Compute.MapProgress(p.ElementsDone, p.TotalElements, p.ChunksDone, p.TotalChunks));
                        break;
                    case ServerMessage.KindOneofCase.Result:
                        if (onPart is null)
                        {
                            message.Result.Json.WriteTo(result);
                        }
                        else
                        {
                            // Streamed: the caller writes each part out as it arrives, in order.
                            onPart(message.Result.Json.Memory);
                        }
                        if (message.Result.Last)
                        {
                            HandOver(report, reportArrived, onReport);
                            return result.ToArray();
                        }
                        break;
                    case ServerMessage.KindOneofCase.Report:
                        report = message.Report;
                        reportArrived = System.Diagnostics.Stopwatch.GetTimestamp();
                        break;
                    case ServerMessage.KindOneofCase.Failure:
                        HandOver(report, reportArrived, onReport);
                        throw new ClusterJobException(message.Failure);
                }
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("the job was cancelled", e, cancellationToken);
        }
        catch (RpcException e)
        {
            throw new ClusterJobException(jobId is { } id ? Lost(id, e.Status.Detail) : Unreachable(e));
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new ClusterJobException(jobId is { } id ? Lost(id, e.Message) : Unreachable(new RpcException(new Status(StatusCode.Unavailable, e.Message, e))));
        }
        throw new ClusterJobException(jobId is { } lost
            ? Lost(lost, "its stream ended without a result")
            : new JobFailure { ElementIndex = -1, Message = $"the seed at {Seed} ended the job's stream without a result" });
    }

    // The result's parts that came after the report are the rest of its download.
    private static void HandOver(JobReport? report, long arrived, Action<Compute.Telemetry.JobReport>? onReport)
    {
        if (report is null || onReport is null)
        {
            return;
        }
        Compute.Telemetry.JobReport converted;
        try
        {
            converted = JobReportWire.FromWire(report, System.Diagnostics.Stopwatch.GetElapsedTime(arrived));
        }
        catch (FormatException)
        {
            // A report that does not add up is no report; the job's result still counts.
            return;
        }
        onReport(converted);
    }

    /// <summary>The Seed went away while it ran the job: the job is gone with it (a Seed keeps no jobs across restarts).</summary>
    private JobFailure Lost(long jobId, string detail) => new()
    {
        JobId = jobId,
        ElementIndex = -1,
        Message = $"job {jobId} was lost: the connection to the seed at {Seed} broke while it ran ({detail}); " +
                  "a Seed's running jobs die with it, so submit the job again once the Seed is back",
    };

    private JobFailure Unreachable(RpcException e) => new()
    {
        ElementIndex = -1,
        // The Seed refused the job as it is: bad input, which no retry would fix.
        UsageError = e.StatusCode == StatusCode.InvalidArgument,
        Message = e.StatusCode switch
        {
            StatusCode.Unavailable => $"cannot reach the seed's client endpoint at {Seed} (is it running? the client port is the Seed's --api-port, default {DefaultApiPort}; " +
                                      "a Seed with TLS needs --tls DIR): " + e.Status.Detail,
            StatusCode.Unauthenticated => $"the seed at {Seed} refused this client: {e.Status.Detail}",
            StatusCode.InvalidArgument or StatusCode.ResourceExhausted or StatusCode.FailedPrecondition or StatusCode.DeadlineExceeded =>
                $"the seed at {Seed} refused the job: {e.Status.Detail}",
            _ => $"the seed at {Seed} failed the call: {e.Status.Detail}",
        },
    };

    public ValueTask DisposeAsync()
    {
        _channel.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>The job failed on the cluster, or the Seed was lost; carries the Seed's report (and, for a lost Seed, what the call saw).</summary>
internal sealed class ClusterJobException(JobFailure failure, Exception? inner = null) : Exception(failure.Message, inner)
{
    public JobFailure Failure { get; } = failure;

    /// <summary>The failure as a local job reports it: the element, its exception and the node, when one is to blame.</summary>
    public Compute.MapJobException ToMapJobException() =>
        Failure.ElementIndex >= 0
            ? new Compute.MapJobException(Failure.ElementIndex, Failure.ErrorType, Failure.ErrorMessage, Failure.StackTrace, Failure.Worker, Failure.Attempts)
            : new Compute.MapJobException(Failure.Message);
}
