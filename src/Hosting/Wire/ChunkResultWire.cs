using System.Runtime.InteropServices;
using System.Text.Json;
using ActorMap.Compute.Actors;
using ActorMap.Compute.Jobs;
using ActorMap.Messages;
using Google.Protobuf;
using Proto = ActorMap.Messages.Compute;

namespace ActorMap.Hosting.Wire;

/// <summary>A chunk's results in compute.proto's form: numbers packed, any other type as JSON per element.</summary>
internal static class ChunkResultWire
{
    public static Proto.ChunkResult ToWire(ChunkResult result)
    {
        var wire = new Proto.ChunkResult
        {
            JobId = result.JobId, ChunkIndex = result.ChunkIndex, FirstIndex = result.FirstIndex,
            StartedUtcTicks = result.StartedUtc.Ticks, DurationTicks = result.Duration.Ticks,
        };
        switch (result.Output.Values)
        {
            case long[] longs:
                wire.Longs = PackedArrays.FromLongs(longs);
                break;
            case double[] doubles:
                wire.Doubles = PackedArrays.FromDoubles(doubles);
                break;
            case int[] ints:
                wire.Ints = ByteString.CopyFrom(MemoryMarshal.AsBytes(ints.AsSpan()));
                break;
            case bool[] bools:
                wire.Bools = ByteString.CopyFrom(MemoryMarshal.AsBytes(bools.AsSpan()));
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

    /// <exception cref="FormatException">Packed numbers that are not a whole number of values.</exception>
    public static ChunkResult FromWire(Proto.ChunkResult result)
    {
        ChunkOutput output = result.OutputCase switch
        {
            Proto.ChunkResult.OutputOneofCase.Longs => new ChunkOutput<long>(PackedArrays.AsLongs(result.Longs).ToArray()),
            Proto.ChunkResult.OutputOneofCase.Doubles => new ChunkOutput<double>(PackedArrays.AsDoubles(result.Doubles).ToArray()),
            Proto.ChunkResult.OutputOneofCase.Ints => new ChunkOutput<int>(IntsOf(result.Ints.Span)),
            Proto.ChunkResult.OutputOneofCase.Bools => new ChunkOutput<bool>(BoolsOf(result.Bools.Span)),
            Proto.ChunkResult.OutputOneofCase.Strings => new ChunkOutput<string>([.. result.Strings.Values]),
            Proto.ChunkResult.OutputOneofCase.Json => new JsonChunkOutput([.. result.Json.Values]),
            _ => new JsonChunkOutput([]),
        };
        return new ChunkResult(result.JobId, result.ChunkIndex, result.FirstIndex, output, UtcOf(result.StartedUtcTicks), DurationOf(result.DurationTicks));
    }

    /// <summary>A worker's start time from the wire; anything out of DateTime's range reads as unknown.</summary>
    public static DateTime UtcOf(long ticks) =>
        ticks > 0 && ticks <= DateTime.MaxValue.Ticks ? new DateTime(ticks, DateTimeKind.Utc) : default;

    /// <summary>A duration from the wire; a negative one (a corrupt frame) reads as zero.</summary>
    public static TimeSpan DurationOf(long ticks) => ticks > 0 ? TimeSpan.FromTicks(ticks) : TimeSpan.Zero;

    // Cast alone would drop a trailing partial int, and with it an element, without a word.
    private static int[] IntsOf(ReadOnlySpan<byte> bytes) =>
        bytes.Length % sizeof(int) == 0 ? MemoryMarshal.Cast<byte, int>(bytes).ToArray()
            : throw new FormatException($"{bytes.Length} bytes is not a whole number of Int32 values");

    private static bool[] BoolsOf(ReadOnlySpan<byte> bytes)
    {
        var values = new bool[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            values[i] = bytes[i] != 0;
        }
        return values;
    }
}

/// <summary>
/// A result already encoded by its worker (see <see cref="ChunkResultEncoder"/>): the serializer
/// writes these bytes as they are.
/// </summary>
internal sealed class EncodedChunkOutput(byte[] bytes, int count) : ChunkOutput
{
    public byte[] Bytes { get; } = bytes;

    public override int Count { get; } = count;

    public override Array? Values => null;
}

/// <summary>
/// Encodes a worker's result before it is sent, so that a result with no wire form, or larger
/// than a frame, fails its chunk with a clear error instead of being dropped by remoting.
/// </summary>
internal sealed class ChunkResultEncoder(long maximumFrameSize)
{
    // Room for the envelope around the payload: paths, manifest, sequence numbers.
    private const int EnvelopeAllowance = 64 * 1024;

    public ChunkResult Encode(ChunkResult result)
    {
        var bytes = ToWireBytes(result);
        if (bytes.Length > maximumFrameSize - EnvelopeAllowance)
        {
            throw new InvalidOperationException(
                $"it is {bytes.Length / (1024.0 * 1024.0):0.0} MiB, more than akka.remote.dot-netty.tcp.maximum-frame-size " +
                $"({maximumFrameSize / (1024.0 * 1024.0):0.0} MiB) allows: use a smaller --chunk-size");
        }
        return result with { Output = new EncodedChunkOutput(bytes, result.Output.Count) };
    }

    private static byte[] ToWireBytes(ChunkResult result)
    {
        try
        {
            return ChunkResultWire.ToWire(result).ToByteArray();
        }
        catch (NotSupportedException e)
        {
            throw new InvalidOperationException($"its values cannot be written as JSON: {e.Message}", e);
        }
    }
}
