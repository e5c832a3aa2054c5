using ActorMap.Compute.Actors;
using ActorMap.Compute.Jobs;
using ActorMap.Compute.Telemetry;
using ActorMap.Functions;
using ActorMap.Hosting.Registration;
using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;
using Google.Protobuf;
using Proto = ActorMap.Messages.Compute;

namespace ActorMap.Hosting.Wire;

/// <summary>
/// The one serializer for what ActorMap sends between nodes, as compute.proto messages. An unknown
/// manifest throws <see cref="SerializationException"/>, which Akka handles by dropping that one
/// message and keeping the connection.
/// </summary>
internal sealed class ComputeSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 731;

    private const string RunChunkManifest = "RC";
    private const string ChunkResultManifest = "CR";
    private const string ChunkFailedManifest = "CF";
    private const string RegisterManifest = "RW";
    private const string RegisteredManifest = "WR";
    private const string CancelManifest = "CC";
    private const string StartedManifest = "CS";
    private const string LoadManifest = "NL";
    private const string FetchManifest = "FA";
    private const string PartManifest = "AP";

    public static readonly Type[] Types = [typeof(RunChunk), typeof(ChunkResult), typeof(ChunkFailed), typeof(RegisterWorkers), typeof(WorkersRegistered), typeof(CancelChunks), typeof(ChunkStarted), typeof(Proto.NodeLoad), typeof(Proto.FetchAssembly), typeof(Proto.AssemblyPart)];

    public override int Identifier => Id;

    public override string Manifest(object o) => o switch
    {
        RunChunk => RunChunkManifest,
        ChunkResult => ChunkResultManifest,
        ChunkFailed => ChunkFailedManifest,
        RegisterWorkers => RegisterManifest,
        WorkersRegistered => RegisteredManifest,
        CancelChunks => CancelManifest,
        ChunkStarted => StartedManifest,
        Proto.NodeLoad => LoadManifest,
        Proto.FetchAssembly => FetchManifest,
        Proto.AssemblyPart => PartManifest,
        _ => throw new ArgumentException($"ActorMap's serializer does not handle {o.GetType().FullName}", nameof(o)),
    };

    // This node's "host:port", for the bytes counter: known only once remoting listens, so read on first use.
    private KeyValuePair<string, object?>[]? _outTags;
    private KeyValuePair<string, object?>[]? _inTags;
    private string? _assemblyServer;

    public override byte[] ToBinary(object obj)
    {
        var bytes = Encode(obj);
        if (ActorMapTelemetry.WireBytes.Enabled)
        {
            ActorMapTelemetry.WireBytes.Add(bytes.Length, _outTags ??= Tags("out"));
        }
        return bytes;
    }

    private byte[] Encode(object obj) => obj switch
    {
        RunChunk run => ToWire(run).ToByteArray(),
        ChunkResult { Output: EncodedChunkOutput encoded } => encoded.Bytes,
        ChunkResult result => ChunkResultWire.ToWire(result).ToByteArray(),
        ChunkFailed failed => new Proto.ChunkFailed
        {
            JobId = failed.JobId, ChunkIndex = failed.ChunkIndex, ElementIndex = failed.Failure.ElementIndex,
            ErrorType = failed.Failure.ErrorType, ErrorMessage = failed.Failure.ErrorMessage,
            StackTrace = failed.Failure.StackTrace, Worker = failed.Failure.Worker,
            Directive = Compute.SupervisionConfig.NameOf(failed.Directive),
            StartedUtcTicks = failed.StartedUtc.Ticks, DurationTicks = failed.Duration.Ticks,
        }.ToByteArray(),
        RegisterWorkers register => ToWire(register).ToByteArray(),
        WorkersRegistered => [],
        CancelChunks cancel => new Proto.CancelChunks { JobId = cancel.JobId }.ToByteArray(),
        ChunkStarted started => new Proto.ChunkStarted { JobId = started.JobId, ChunkIndex = started.ChunkIndex }.ToByteArray(),
        Proto.NodeLoad load => load.ToByteArray(),
        Proto.FetchAssembly fetch => fetch.ToByteArray(),
        Proto.AssemblyPart part => part.ToByteArray(),
        _ => throw new ArgumentException($"ActorMap's serializer does not handle {obj.GetType().FullName}", nameof(obj)),
    };

    /// <exception cref="SerializationException">
    /// An unknown manifest, or bytes that are not a valid message of it: Akka drops that one message
    /// and keeps the connection. Nothing else escapes, whatever the bytes.
    /// </exception>
    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (ActorMapTelemetry.WireBytes.Enabled)
        {
            ActorMapTelemetry.WireBytes.Add(bytes.Length, _inTags ??= Tags("in"));
        }
        try
        {
            return manifest switch
            {
                RunChunkManifest => FromWire(Proto.RunChunk.Parser.ParseFrom(bytes)),
                ChunkResultManifest => ChunkResultWire.FromWire(Proto.ChunkResult.Parser.ParseFrom(bytes)),
                ChunkFailedManifest => FailedFromWire(Proto.ChunkFailed.Parser.ParseFrom(bytes)),
                RegisterManifest => FromWire(Proto.RegisterWorkers.Parser.ParseFrom(bytes)),
                RegisteredManifest => WorkersRegistered.Instance,
                CancelManifest => new CancelChunks(Proto.CancelChunks.Parser.ParseFrom(bytes).JobId),
                StartedManifest => StartedFromWire(Proto.ChunkStarted.Parser.ParseFrom(bytes)),
                LoadManifest => Proto.NodeLoad.Parser.ParseFrom(bytes),
                FetchManifest => Proto.FetchAssembly.Parser.ParseFrom(bytes),
                PartManifest => Proto.AssemblyPart.Parser.ParseFrom(bytes),
                _ => throw new SerializationException($"unknown ActorMap manifest '{manifest}'"),
            };
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or FormatException)
        {
            throw new SerializationException($"a malformed ActorMap '{manifest}' message ({bytes.Length} bytes): {e.Message}", e);
        }
    }

    private Proto.RunChunk ToWire(RunChunk run)
    {
        var (source, server) = run.Function switch
        {
            SourcedMapFunction sourced => (sourced.Source, null),
            Shipping.ShippedChunkFunction shipped => (shipped.Source, shipped.Server),
            _ => throw new InvalidOperationException("only a function with its source can run on another node"),
        };
        var wire = new Proto.RunChunk
        {
            JobId = run.JobId,
            ChunkIndex = run.ChunkIndex,
            FirstIndex = run.FirstIndex,
            Input = ElementsCodec.FromChunk(run.Input, source.ElementType),
        };
        if (source.PackageHash is { } package)
        {
            wire.FunctionPackageHash = package;
            wire.AssemblyServer = server ?? (_assemblyServer ??= Shipping.AssemblyServer.PathOn(system.Provider.DefaultAddress));
        }
        else
        {
            wire.FunctionSource = source.Lambda;
        }
        SupervisionWire.Write(run.Supervision, wire);
        wire.TraceParent = run.TraceParent ?? "";
        return wire;
    }

    // Compiling waits for the first chunk's worker (NodeFunctions is lazy): this runs on remoting's thread.
    private RunChunk FromWire(Proto.RunChunk run)
    {
        // proto3 reads an absent message field as null: the router never sends one, a corrupt frame can.
        var input = run.Input ?? throw new FormatException("a RunChunk without its input");
        var token = JobCancellations.Get(system).TokenFor(run.JobId);
        var function = run.FunctionPackageHash.Length == 0
            ? NodeFunctions.For(new FunctionSource(run.FunctionSource, input.ElementType))
            : Shipping.ShippedFunctions.Get(system).ForChunk(run.JobId, run.FunctionPackageHash, run.AssemblyServer, input.ElementType, token);
        return new(run.JobId, run.ChunkIndex, run.FirstIndex, ElementsCodec.ToChunk(input), function,
            token, Supervision: SupervisionWire.Read(run.Supervision, run.Directives),
            TraceParent: run.TraceParent.Length == 0 ? null : run.TraceParent);
    }

    private static ChunkStarted StartedFromWire(Proto.ChunkStarted w) => new(w.JobId, w.ChunkIndex);

    private static ChunkFailed FailedFromWire(Proto.ChunkFailed w) =>
        new(w.JobId, w.ChunkIndex, new ElementFailure(w.ElementIndex, w.ErrorType, w.ErrorMessage, w.StackTrace, w.Worker), SupervisionWire.DirectiveOf(w.Directive),
            ChunkResultWire.UtcOf(w.StartedUtcTicks), ChunkResultWire.DurationOf(w.DurationTicks));

    private KeyValuePair<string, object?>[] Tags(string direction) =>
        [new("direction", direction), new(ActorMapTelemetry.NodeTag, ActorMapTelemetry.NodeName(system.Provider.DefaultAddress))];

    private static Proto.RegisterWorkers ToWire(RegisterWorkers register)
    {
        var wire = new Proto.RegisterWorkers();
        foreach (var worker in register.Workers)
        {
            wire.Workers.Add(Serialization.SerializedActorPath(worker));
        }
        return wire;
    }

    private RegisterWorkers FromWire(Proto.RegisterWorkers wire) =>
        new([.. wire.Workers.Select(path => system.Provider.ResolveActorRef(path))]);
}
