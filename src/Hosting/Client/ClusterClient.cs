using ActorMap.Cluster;
using ActorMap.Hocon;
using ActorMap.Hosting.Wire;
using ActorMap.Messages.Compute;
using ActorMap.Remote;
using ActorMap.Runtime.Actor;

namespace ActorMap.Hosting.Client;

/// <summary>
/// The console's side of a cluster: its own small actor system with remoting (port 0, the
/// cluster's secret), talking to the Seed's /user/jobs endpoint.
/// </summary>
internal sealed class ClusterClient : IAsyncDisposable
{
    private readonly ActorSystem _system;
    private readonly Remoting _remoting;

    private readonly int _maximumFrameSize;

    private ClusterClient(ActorSystem system, Remoting remoting, IActorRef jobs, string seed, int maximumFrameSize)
    {
        _maximumFrameSize = maximumFrameSize;
        _system = system;
        _remoting = remoting;
        Jobs = jobs;
        Seed = seed;
    }

    public IActorRef Jobs { get; }

    public string Seed { get; }

    /// <exception cref="ArgumentException">The seed is not HOST:PORT, or the configuration is invalid.</exception>
    public static async Task<ClusterClient> ConnectAsync(HoconConfig config, string seed, CancellationToken cancellationToken)
    {
        var name = ClusterSettings.From(config).Name;
        var seedAddress = ClusterSettings.ParseSeed(name, seed);
        var remote = RemoteSettings.FromConfig(config) with { Port = 0, PublicPort = 0 };
        var system = ActorSystem.Create(name, ActorSystemSettings.FromConfig(config));
        try
        {
            var remoting = await Remoting.StartAsync(system, remote, cancellationToken).ConfigureAwait(false);
            ComputeWire.Register(remoting.Serialization);
            var jobs = system.ResolveActorRef(ActorPath.RootOf(seedAddress) / "user" / "jobs");
            return new ClusterClient(system, remoting, jobs, seed, remote.MaximumFrameSize);
        }
        catch
        {
            await system.Terminate().ConfigureAwait(false);
            throw;
        }
    }

    public Task<StatusReply> StatusAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        Jobs.Ask<StatusReply>(new StatusRequest(), timeout, cancellationToken);

    /// <summary>Runs a job on the cluster; completes with the result's JSON, or throws <see cref="ClusterJobException"/>.</summary>
    /// <remarks>With <paramref name="onPart"/>, the result's JSON is handed over part by part as it arrives, and the returned array is empty.</remarks>
    public async Task<byte[]> RunAsync(SubmitJob submit, IProgress<Compute.MapProgress>? progress, Action<JobAccepted>? accepted, CancellationToken cancellationToken,
        Action<ReadOnlyMemory<byte>>? onPart = null)
    {
        // A message larger than a frame would be dropped by remoting and the job would never start.
        var size = submit.CalculateSize();
        if (size > _maximumFrameSize - (64 * 1024))
        {
            throw new ClusterJobException(new JobFailure
            {
                UsageError = true, ElementIndex = -1,
                Message = $"the input is {size / (1024.0 * 1024.0):0.0} MiB, more than one message to the seed may carry " +
                          $"(actormap.remote.maximum-frame-size = {_maximumFrameSize / (1024.0 * 1024.0):0.0} MiB): raise it on every node and here, or split the input",
            });
        }
        var done = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var watcher = _system.ActorOf(Props.Create(() => new ClientJobActor(Jobs, done,
            progress is null ? null : p => progress.Report(new Compute.MapProgress(p.ElementsDone, p.TotalElements, p.ChunksDone, p.TotalChunks)),
            accepted, Seed, onPart)));
        Jobs.Tell(submit, watcher);
        await using (cancellationToken.Register(() => watcher.Tell(ClientJobActor.Cancel.Instance, ActorRefs.NoSender)))
        {
            try
            {
                return await done.Task.ConfigureAwait(false);
            }
            finally
            {
                _system.Stop(watcher);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _remoting.DisposeAsync().ConfigureAwait(false);
        await _system.Terminate().ConfigureAwait(false);
    }
}

/// <summary>The job failed on the cluster, or the Seed was lost; carries the Seed's report.</summary>
internal sealed class ClusterJobException(JobFailure failure) : Exception(failure.Message)
{
    public JobFailure Failure { get; } = failure;

    /// <summary>The failure as a local job reports it: the element, its exception and the node, when one is to blame.</summary>
    public Compute.MapJobException ToMapJobException() =>
        Failure.ElementIndex >= 0
            ? new Compute.MapJobException(Failure.ElementIndex, Failure.ErrorType, Failure.ErrorMessage, Failure.StackTrace, Failure.Worker, Failure.Attempts)
            : new Compute.MapJobException(Failure.Message);
}
