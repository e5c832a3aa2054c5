using System.Runtime.CompilerServices;
using System.Text.Json;
using ActorMap.Compute;
using ActorMap.Functions.Input;
using ActorMap.Hosting.Jobs;
using ActorMap.Hosting.Wire;
using ActorMap.Messages.Compute;

namespace ActorMap.Hosting.Client;

/// <summary>
/// <see cref="MapPool"/>'s shape against a running cluster (<see cref="IMapPool"/>). A function is
/// an ordinary delegate — a static method, a lambda and what it captures, an instance method —
/// whose assemblies (the caller's own and its NuGet packages) are shipped to the cluster, each
/// file once; or C# lambda source that each node compiles, as with <c>actormap map --seed</c>.
/// Inputs are ranges or arrays of long, double, string, or rows of those; results of any type
/// System.Text.Json writes. Failures throw <see cref="MapJobException"/> naming the element,
/// its exception and the node it failed on.
/// </summary>
public sealed partial class ClusterMapPool : IMapPool
{
    private readonly ClusterClient _client;

    private ClusterMapPool(ClusterClient client) => _client = client;

    /// <summary>
    /// Connects to the Seed's client endpoint at <paramref name="seed"/> (HOST[:PORT], default port
    /// 4080), proving itself with <paramref name="credentials"/> (default: ACTORMAP_TLS_DIR and ACTORMAP_TOKEN_FILE).
    /// </summary>
    /// <exception cref="ArgumentException">The seed is not HOST[:PORT], or the credentials cannot be read.</exception>
    public static Task<ClusterMapPool> ConnectAsync(string seed, ClusterCredentials? credentials = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(seed);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new ClusterMapPool(ClusterClient.Connect(seed, credentials ?? ClusterCredentials.FromEnvironment())));
    }

    public Task<TOut[]> MapAsync<TOut>(string lambda, LongRange input, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync<TOut[]>(lambda, new RangeMapInput(input), null, options, cancellationToken);

    public Task<TOut[]> MapAsync<TIn, TOut>(string lambda, IReadOnlyList<TIn> input, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync<TOut[]>(lambda, ListOf(input), null, options, cancellationToken);

    /// <summary><paramref name="reduce"/>: sum, min, max, count, or a lambda such as <c>"(a, b) => a + b"</c>, folded left in input order.</summary>
    public Task<TOut> MapReduceAsync<TOut>(string lambda, LongRange input, string reduce, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync<TOut>(lambda, new RangeMapInput(input), reduce, options, cancellationToken);

    public Task<TOut> MapReduceAsync<TIn, TOut>(string lambda, IReadOnlyList<TIn> input, string reduce, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync<TOut>(lambda, ListOf(input), reduce, options, cancellationToken);

    /// <summary>The results in input order, as a stream; they are sent once the job has finished.</summary>
    public async IAsyncEnumerable<TOut> MapOrderedAsync<TOut>(string lambda, LongRange input, MapOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in await MapAsync<TOut>(lambda, input, options, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private Task<T> RunAsync<T>(string lambda, MapInput input, string? reduce, MapOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(lambda);
        var submit = Submit(reduce, options);
        submit.FunctionSource = lambda;
        return ExecuteAsync<T>(submit, input, options, cancellationToken);
    }

    private static SubmitJob Submit(string? reduce, MapOptions? options)
    {
        var submit = new SubmitJob
        {
            Reduce = reduce ?? "",
            ChunkSize = options?.ChunkSize ?? 0,
            Balancing = options is null ? "" : options.Balancing == Balancing.Pull ? "pull" : "round-robin",
            MaxChunksInFlightPerWorker = options?.MaxChunksInFlightPerWorker ?? 0,
        };
        // Options given are sent whole, as the job's; per-type directives merge over the Seed's.
        SupervisionWire.Write(options is null ? SupervisionOverrides.None : SupervisionOverrides.From(options), submit);
        return submit;
    }

    private async Task<T> ExecuteAsync<T>(SubmitJob submit, MapInput input, MapOptions? options, CancellationToken cancellationToken)
    {
        var progress = options?.Progress;
        byte[] json;
        try
        {
            json = await _client.RunAsync(submit, input, progress, null, cancellationToken,
                onReport: options is { ReportPath: not null } or { OnReport: not null } ? report => Report(report, options) : null).ConfigureAwait(false);
        }
        catch (ClusterJobException e)
        {
            throw e.Failure.UsageError ? new ArgumentException(e.Failure.Message) : e.ToMapJobException();
        }
        return JsonSerializer.Deserialize<T>(json, ResultJson.Options)!;
    }

    // As MapPool does: the file first, then the callback; a file that cannot be written does not fail the job.
    private static void Report(Compute.Telemetry.JobReport report, MapOptions options)
    {
        if (options.ReportPath is { } path)
        {
            try
            {
                report.WriteHtml(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                System.Diagnostics.Trace.TraceWarning($"Job {report.JobId}: cannot write its report to {path}: {e.Message}");
            }
        }
        options.OnReport?.Invoke(report);
    }

    private static ListMapInput ListOf<TIn>(IReadOnlyList<TIn> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var kinds = Enum.GetValues<ElementKind>().Where(k => k.ClrType() == typeof(TIn)).ToArray();
        if (kinds.Length == 0)
        {
            throw new ArgumentException($"a cluster job takes long, double, string or rows of those, not {typeof(TIn).Name}", nameof(input));
        }
        return new ListMapInput(kinds[0], input as TIn[] ?? [.. input]);
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
