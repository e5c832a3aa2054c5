using System.Buffers.Binary;
using ActorMap.Hosting.Tests.Support;
using ActorMap.Messages;
using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;

namespace ActorMap.Hosting.Tests.Wire;

/// <summary>
/// PackedArrays (src/Messages, which has no spec project of its own): arrays round-trip bit for
/// bit, and any bytes at any alignment read as the little-endian values they hold or, when they
/// are not a whole number of values, as a <see cref="FormatException"/>, never anything else.
/// </summary>
public class PackedArraysSpec
{
    private const int Cases = 500;

    [Fact]
    public Task Longs_round_trip() => SeededProperty.CheckAsync(
        Prop.ForAll(ArbMap.Default.ArbFor<long[]>(), values => PackedArrays.AsLongs(PackedArrays.FromLongs(values)).SequenceEqual(values)),
        Cases);

    [Fact]
    public Task Doubles_round_trip_bit_for_bit() => SeededProperty.CheckAsync(
        Prop.ForAll(ArbMap.Default.ArbFor<double[]>(), values =>
            PackedArrays.AsDoubles(PackedArrays.FromDoubles(values)).ToArray().Select(BitConverter.DoubleToInt64Bits)
                .SequenceEqual(values.Select(BitConverter.DoubleToInt64Bits))),
        Cases);

    [Fact]
    public Task Any_bytes_read_as_longs_or_fail_with_FormatException() => SeededProperty.CheckAsync(
        Prop.ForAll(Misaligned(), bytes => ReadsAsWritten(bytes, packed => PackedArrays.AsLongs(packed).ToArray())),
        Cases);

    [Fact]
    public Task Any_bytes_read_as_doubles_or_fail_with_FormatException() => SeededProperty.CheckAsync(
        Prop.ForAll(Misaligned(), bytes => ReadsAsWritten(bytes, packed => [.. PackedArrays.AsDoubles(packed).ToArray().Select(BitConverter.DoubleToInt64Bits)])),
        Cases);

    // Bytes from 0 to 7 places into a buffer: a message's field starts wherever the one before it ends.
    private static Arbitrary<ReadOnlyMemory<byte>> Misaligned() =>
        (from bytes in ArbMap.Default.GeneratorFor<byte[]>()
         from skip in Gen.Choose(0, 7)
         select new ReadOnlyMemory<byte>([.. new byte[skip], .. bytes], skip, bytes.Length)).ToArbitrary();

    private static bool ReadsAsWritten(ReadOnlyMemory<byte> bytes, Func<ByteString, long[]> read)
    {
        var packed = UnsafeByteOperations.UnsafeWrap(bytes);
        try
        {
            var values = read(packed);
            return bytes.Length % sizeof(long) == 0
                && values.Select((value, i) => value == BinaryPrimitives.ReadInt64LittleEndian(bytes.Span[(i * sizeof(long))..])).All(same => same)
                && values.Length == bytes.Length / sizeof(long);
        }
        catch (FormatException)
        {
            return bytes.Length % sizeof(long) != 0;
        }
    }
}
