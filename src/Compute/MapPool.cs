using System.Runtime.CompilerServices;
using ActorMap.Compute.Actors;
using ActorMap.Compute.Jobs;
using ActorMap.Compute.Telemetry;
using Akka.Actor;
using Akka.Configuration;

namespace ActorMap.Compute;

/// <summary>
/// <c>multiprocessing.Pool</c> on actors: each call runs a job whose router cuts the input into
/// chunks for worker actors, and whose aggregator returns results in input order. Thread-safe;
/// jobs run side by side and a failing job does not disturb the others.
/// </summary>
public sealed class MapPool : IMapPool, IDisposable
{
    // Process-wide, so pools sharing one actor system never collide on a job actor's name.
    private static long s_nextJobId;
    private readonly bool _ownsSystem;
    private readonly string? _workerDispatcher;

    private MapPool(ActorSystem system, bool ownsSystem, MapOptions? defaults, IActorRef? workerDirectory = null)
    {
        WorkerDirectory = workerDirectory;
        System = system;
        _ownsSystem = ownsSystem;
        Defaults = (defaults ?? new MapOptions()).Validated();
        _workerDispatcher = ComputeConfig.WorkerDispatcherFor(system);
    }

    /// <summary>
    /// A pool on its own local actor system (the embedded default: no network). <paramref name="config"/>
    /// is laid over <see cref="ComputeConfig.Embedded"/>.
    /// </summary>
    public static MapPool Create(MapOptions? defaults = null, Config? config = null)
    {
        var workers = defaults?.Validated().Workers ?? Environment.ProcessorCount;
        var effective = (config ?? Config.Empty).WithFallback(ComputeConfig.Embedded(workers));
        return new MapPool(ActorSystem.Create("actormap", effective), ownsSystem: true, defaults);
    }

    /// <summary>
    /// A pool on an existing system; disposing the pool leaves the system running. Workers run on
    /// <see cref="ComputeConfig.WorkerDispatcherId"/> when the system configures it.
    /// </summary>
    public static MapPool Create(ActorSystem system, MapOptions? defaults = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new MapPool(system, ownsSystem: false, defaults);
    }

    /// <summary>
    /// A pool whose jobs run on the workers a <see cref="Workers.WorkerDirectory"/> announces (the
    /// cluster's nodes) instead of creating their own; set <see cref="MapOptions.Workers"/> per job
    /// to the cluster's worker count so chunking matches it.
    /// </summary>
    internal static MapPool CreateForCluster(ActorSystem system, IActorRef workerDirectory, MapOptions? defaults = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(workerDirectory);
        return new MapPool(system, ownsSystem: false, defaults, workerDirectory);
    }

    /// <summary>The directory of cluster workers, or null when each job creates its own local workers.</summary>
    internal IActorRef? WorkerDirectory { get; }

    public ActorSystem System { get; }

    public MapOptions Defaults { get; }

    /// <summary>Workers per job when the options name none: the processor count.</summary>
    public int DefaultWorkers => Defaults.Workers ?? Environment.ProcessorCount;

    /// <summary>Lets specs watch a job's coordinator.</summary>
    internal Action<IActorRef>? JobStarted { get; set; }

    /// <summary>Pool.map: every result, in input order.</summary>
    public Task<TOut[]> MapAsync<TIn, TOut>(IReadOnlyList<TIn> input, Func<TIn, TOut> function, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        Collect<TOut>(ListOf(input), Function(function), options, cancellationToken);

    public Task<TOut[]> MapAsync<TOut>(LongRange input, Func<long, TOut> function, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        Collect<TOut>(new RangeInput(input), Function(function), options, cancellationToken);

    /// <summary>Map, then an ordered left fold of the results: reduce(reduce(r0, r1), r2)…; fails on empty input.</summary>
    public Task<TOut> MapReduceAsync<TIn, TOut>(IReadOnlyList<TIn> input, Func<TIn, TOut> function, Func<TOut, TOut, TOut> reduce, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        Reduce<TOut, TOut>(ListOf(input), Function(function), reduce, hasSeed: false, default!, options, cancellationToken);

    public Task<TOut> MapReduceAsync<TOut>(LongRange input, Func<long, TOut> function, Func<TOut, TOut, TOut> reduce, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        Reduce<TOut, TOut>(new RangeInput(input), Function(function), reduce, hasSeed: false, default!, options, cancellationToken);

    /// <summary>
    /// Map, then an ordered left fold starting from <paramref name="seed"/> (also the result of an
    /// empty input): reduce(reduce(seed, r0), r1)…, into an accumulator of any type.
    /// </summary>
    public Task<TAcc> MapReduceAsync<TIn, TOut, TAcc>(IReadOnlyList<TIn> input, Func<TIn, TOut> function, TAcc seed, Func<TAcc, TOut, TAcc> reduce, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        Reduce(ListOf(input), Function(function), reduce, hasSeed: true, seed, options, cancellationToken);

    public Task<TAcc> MapReduceAsync<TOut, TAcc>(LongRange input, Func<long, TOut> function, TAcc seed, Func<TAcc, TOut, TAcc> reduce, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        Reduce(new RangeInput(input), Function(function), reduce, hasSeed: true, seed, options, cancellationToken);

    /// <summary>Pool.imap: results streamed in input order as soon as each prefix is complete.</summary>
    public IAsyncEnumerable<TOut> MapOrderedAsync<TIn, TOut>(IReadOnlyList<TIn> input, Func<TIn, TOut> function, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        Ordered<TOut>(ListOf(input), Function(function), options, cancellationToken);

    public IAsyncEnumerable<TOut> MapOrderedAsync<TOut>(LongRange input, Func<long, TOut> function, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        Ordered<TOut>(new RangeInput(input), Function(function), options, cancellationToken);

    /// <summary>Pool.imap_unordered: results as chunks finish, each with its input index.</summary>
    public IAsyncEnumerable<IndexedResult<TOut>> MapUnorderedAsync<TIn, TOut>(IReadOnlyList<TIn> input, Func<TIn, TOut> function, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        Unordered<TOut>(ListOf(input), Function(function), options, cancellationToken);

    public IAsyncEnumerable<IndexedResult<TOut>> MapUnorderedAsync<TOut>(LongRange input, Func<long, TOut> function, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        Unordered<TOut>(new RangeInput(input), Function(function), options, cancellationToken);

    private static ListInput<TIn> ListOf<TIn>(IReadOnlyList<TIn> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ListInput<TIn>(input);
    }

    private static MapFunction<TIn, TOut> Function<TIn, TOut>(Func<TIn, TOut> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new MapFunction<TIn, TOut>(function);
    }

    private Task<TOut[]> Collect<TOut>(JobInput input, IMapFunction function, MapOptions? options, CancellationToken cancellationToken)
    {
        var sink = new CollectSink<TOut>(input.Length);
        Start(input, function, sink, options, cancellationToken);
        return sink.Task;
    }

    private Task<TAcc> Reduce<TOut, TAcc>(JobInput input, IMapFunction function, Func<TAcc, TOut, TAcc> reduce, bool hasSeed, TAcc seed,
        MapOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reduce);
        var sink = new ReduceSink<TOut, TAcc>(reduce, hasSeed, seed);
        Start(input, function, sink, options, cancellationToken);
        return sink.Task;
    }

    private async IAsyncEnumerable<TOut> Ordered<TOut>(JobInput input, IMapFunction function, MapOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sink = new OrderedStreamSink<TOut>();
        Start(input, function, sink, options, stop.Token);
        try
        {
            while (await sink.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (sink.Reader.TryRead(out var chunk))
                {
                    foreach (var item in chunk)
                    {
                        yield return item;
                    }
                    sink.Consumed();
                }
            }
        }
        finally
        {
            // The consumer may stop early: the job must not run on for nobody.
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerable<IndexedResult<TOut>> Unordered<TOut>(JobInput input, IMapFunction function, MapOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sink = new UnorderedStreamSink<TOut>();
        Start(input, function, sink, options, stop.Token);
        try
        {
            while (await sink.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (sink.Reader.TryRead(out var chunk))
                {
                    for (var i = 0; i < chunk.Results.Length; i++)
                    {
                        yield return new IndexedResult<TOut>(chunk.FirstIndex + i, chunk.Results[i]);
                    }
                    sink.Consumed();
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }

    private void Start(JobInput input, IMapFunction function, ResultSink sink, MapOptions? options, CancellationToken cancellationToken)
    {
        var effective = (options ?? Defaults).Validated();
        if (effective.Source is { } source)
        {
            function = new SourcedMapFunction(source, function);
        }
        var workers = effective.Workers ?? DefaultWorkers;
        var plan = new ChunkPlan(input.Length, workers, effective.ChunkSize);
        var jobId = Interlocked.Increment(ref s_nextJobId);
        var recorder = effective.Recorder ?? (effective.Recorded ? new JobRecorder(jobId, FunctionText(function, effective)) : null);
        recorder?.Begin(input.Length, plan.ChunkCount, workers);
        var job = new JobSpec(jobId, input, function, sink, plan, workers, effective,
            CancellationTokenSource.CreateLinkedTokenSource(cancellationToken), WorkerDirectory, _workerDispatcher,
            recorder, ActorMapTelemetry.StartJob(jobId, input.Length, plan.ChunkCount, workers));
        var coordinator = System.ActorOf(JobCoordinator.PropsFor(job), $"job-{jobId}");
        JobStarted?.Invoke(coordinator);
    }

    private static string FunctionText(IMapFunction function, MapOptions options) =>
        options.Source?.Lambda ?? options.FunctionText ?? (function as IDescribedFunction)?.Description ?? "a .NET delegate";

    public void Dispose()
    {
        if (_ownsSystem)
        {
            System.Terminate().Wait(TimeSpan.FromSeconds(30));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsSystem)
        {
            await System.Terminate().ConfigureAwait(false);
        }
    }
}
