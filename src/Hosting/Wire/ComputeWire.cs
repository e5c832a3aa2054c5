using System.Text.Json;
using ActorMap.Compute.Actors;
using ActorMap.Compute.Jobs;
using ActorMap.Functions;
using ActorMap.Messages;
using ActorMap.Remote;
using Google.Protobuf;
using Proto = ActorMap.Messages.Compute;

namespace ActorMap.Hosting.Wire;

/// <summary>Maps the job actors' messages to compute.proto, and registers the client protocol.</summary>
internal static class ComputeWire
{
    public static void Register(Serialization serialization)
    {
        serialization.Register<RunChunk>("actormap.compute.RunChunk",
            run => ToWire(run, serialization).ToByteString(),
            bytes => FromWire(Proto.RunChunk.Parser.ParseFrom(bytes), serialization));
        serialization.Register<ChunkResult>("actormap.compute.ChunkResult",
            result => ToWire(result).ToByteString(),
            bytes => FromWire(Proto.ChunkResult.Parser.ParseFrom(bytes)));
        serialization.Register<ChunkCompleted>("actormap.compute.ChunkCompleted",
            done => new Proto.ChunkCompleted { JobId = done.JobId, ChunkIndex = done.ChunkIndex }.ToByteString(),
            bytes =>
            {
                var w = Proto.ChunkCompleted.Parser.ParseFrom(bytes);
                return new ChunkCompleted(w.JobId, w.ChunkIndex);
            });
        serialization.Register<ChunkFailed>("actormap.compute.ChunkFailed",
            failed => new Proto.ChunkFailed
            {
                JobId = failed.JobId, ChunkIndex = failed.ChunkIndex, ElementIndex = failed.Failure.ElementIndex,
                ErrorType = failed.Failure.ErrorType, ErrorMessage = failed.Failure.ErrorMessage,
                StackTrace = failed.Failure.StackTrace, Worker = failed.Failure.Worker,
            }.ToByteString(),
            bytes =>
            {
                var w = Proto.ChunkFailed.Parser.ParseFrom(bytes);
                return new ChunkFailed(w.JobId, w.ChunkIndex, new ElementFailure(w.ElementIndex, w.ErrorType, w.ErrorMessage, w.StackTrace, w.Worker));
            });
        serialization.Register(Proto.SubmitJob.Parser);
        serialization.Register(Proto.JobAccepted.Parser);
        serialization.Register(Proto.JobProgress.Parser);
        serialization.Register(Proto.JobResultPart.Parser);
        serialization.Register(Proto.JobFailure.Parser);
        serialization.Register(Proto.CancelJobRequest.Parser);
        serialization.Register(Proto.StatusRequest.Parser);
        serialization.Register(Proto.StatusReply.Parser);
    }

    private static Proto.RunChunk ToWire(RunChunk run, Serialization serialization)
    {
        var source = (run.Function as SourcedMapFunction)?.Source
            ?? throw new InvalidOperationException("only a function with its source can run on another node");
        return new Proto.RunChunk
        {
            JobId = run.JobId,
            ChunkIndex = run.ChunkIndex,
            FirstIndex = run.FirstIndex,
            FunctionSource = source.Lambda,
            Input = ElementsCodec.FromChunk(run.Input, source.ElementType),
            Aggregator = serialization.ToWirePath(run.Aggregator),
        };
    }

    private static RunChunk FromWire(Proto.RunChunk run, Serialization serialization) =>
        new(run.JobId, run.ChunkIndex, run.FirstIndex, ElementsCodec.ToChunk(run.Input),
            NodeFunctions.For(new FunctionSource(run.FunctionSource, run.Input.ElementType)),
            serialization.ResolveWirePath(run.Aggregator), CancellationToken.None);

    private static Proto.ChunkResult ToWire(ChunkResult result)
    {
        var wire = new Proto.ChunkResult { JobId = result.JobId, ChunkIndex = result.ChunkIndex, FirstIndex = result.FirstIndex };
        switch (result.Output.Values)
        {
            case long[] longs:
                wire.Longs = PackedArrays.FromLongs(longs);
                break;
            case double[] doubles:
                wire.Doubles = PackedArrays.FromDoubles(doubles);
                break;
            case int[] ints:
                wire.Ints = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(ints.AsSpan()));
                break;
            case bool[] bools:
                wire.Bools = ByteString.CopyFrom(bools.Select(b => b ? (byte)1 : (byte)0).ToArray());
                break;
            case string[] strings:
                wire.Strings = new Proto.StringList { Values = { strings } };
                break;
            case Array other:
                var json = new Proto.StringList();
                var type = other.GetType().GetElementType()!;
                foreach (var value in other)
                {
                    json.Values.Add(JsonSerializer.Serialize(value, type, ChunkOutputs.Json));
                }
                wire.Json = json;
                break;
            default:
                throw new InvalidOperationException("a chunk written in place cannot cross nodes");
        }
        return wire;
    }

    private static ChunkResult FromWire(Proto.ChunkResult result)
    {
        ChunkOutput output = result.OutputCase switch
        {
            Proto.ChunkResult.OutputOneofCase.Longs => new ChunkOutput<long>(PackedArrays.AsLongs(result.Longs).ToArray()),
            Proto.ChunkResult.OutputOneofCase.Doubles => new ChunkOutput<double>(PackedArrays.AsDoubles(result.Doubles).ToArray()),
            Proto.ChunkResult.OutputOneofCase.Ints => new ChunkOutput<int>(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(result.Ints.Span).ToArray()),
            Proto.ChunkResult.OutputOneofCase.Bools => new ChunkOutput<bool>(result.Bools.Span.ToArray().Select(b => b != 0).ToArray()),
            Proto.ChunkResult.OutputOneofCase.Strings => new ChunkOutput<string>([.. result.Strings.Values]),
            Proto.ChunkResult.OutputOneofCase.Json => new JsonChunkOutput([.. result.Json.Values]),
            _ => new JsonChunkOutput([]),
        };
        return new ChunkResult(result.JobId, result.ChunkIndex, result.FirstIndex, output);
    }
}
