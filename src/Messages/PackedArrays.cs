using System.Runtime.InteropServices;
using Google.Protobuf;

namespace ActorMap.Messages;

/// <summary>
/// Long and double arrays as packed little-endian <c>bytes</c>: one copy in, none out. Reading
/// returns a span over the message's own buffer, so it lives as long as the ByteString does.
/// </summary>
internal static class PackedArrays
{
    public static ByteString FromLongs(ReadOnlySpan<long> values) => Pack(values);

    public static ByteString FromDoubles(ReadOnlySpan<double> values) => Pack(values);

    /// <exception cref="FormatException">The length is not a whole number of longs.</exception>
    public static ReadOnlySpan<long> AsLongs(ByteString packed) => Unpack<long>(packed);

    /// <exception cref="FormatException">The length is not a whole number of doubles.</exception>
    public static ReadOnlySpan<double> AsDoubles(ByteString packed) => Unpack<double>(packed);

    private static ByteString Pack<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        EnsureLittleEndian();
        return ByteString.CopyFrom(MemoryMarshal.AsBytes(values));
    }

    private static ReadOnlySpan<T> Unpack<T>(ByteString packed) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(packed);
        EnsureLittleEndian();
        var bytes = packed.Span;
        if (bytes.Length % Marshal.SizeOf<T>() != 0)
        {
            throw new FormatException($"{bytes.Length} bytes is not a whole number of {typeof(T).Name} values");
        }
        // Cast tolerates any alignment on the platforms .NET runs little-endian on.
        return MemoryMarshal.Cast<byte, T>(bytes);
    }

    // The wire is little-endian; a big-endian host would need a swapping copy we have no use for yet.
    private static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("packed arrays assume a little-endian host");
        }
    }
}
