using System.Buffers;
using System.Buffers.Binary;
using ActorMap.Messages;
using Google.Protobuf;

namespace ActorMap.Remote.Transport;

/// <summary>
/// Length-prefixed framing: a 4-byte little-endian length, then that many bytes of one
/// <see cref="Frame"/>. The length is checked before anything is buffered for it, so a peer
/// cannot make us hold more than the maximum frame size.
/// </summary>
internal static class FrameCodec
{
    public const int PrefixSize = 4;

    /// <summary>
    /// Takes the next complete frame off the front of <paramref name="buffer"/>. Returns false,
    /// leaving the buffer as it was, when the frame is not complete yet.
    /// </summary>
    /// <exception cref="FrameTooLargeException">The announced length exceeds <paramref name="maximumFrameSize"/>.</exception>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, int maximumFrameSize, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (buffer.Length < PrefixSize)
        {
            return false;
        }
        Span<byte> prefix = stackalloc byte[PrefixSize];
        buffer.Slice(0, PrefixSize).CopyTo(prefix);
        var length = BinaryPrimitives.ReadUInt32LittleEndian(prefix);
        if (length > (uint)maximumFrameSize)
        {
            throw new FrameTooLargeException(length, maximumFrameSize);
        }
        if (buffer.Length - PrefixSize < length)
        {
            return false;
        }
        frame = buffer.Slice(PrefixSize, length);
        buffer = buffer.Slice(frame.End);
        return true;
    }

    /// <summary>Appends one frame to <paramref name="output"/> without flushing.</summary>
    /// <exception cref="FrameTooLargeException">The encoded frame exceeds <paramref name="maximumFrameSize"/>.</exception>
    public static void Write(IBufferWriter<byte> output, Frame frame, int maximumFrameSize)
    {
        var size = frame.CalculateSize();
        if (size > maximumFrameSize)
        {
            throw new FrameTooLargeException((uint)size, maximumFrameSize);
        }
        var span = output.GetSpan(PrefixSize + size);
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)size);
        frame.WriteTo(span.Slice(PrefixSize, size));
        output.Advance(PrefixSize + size);
    }
}

/// <summary>A frame longer than the configured maximum; the connection that carried it is closed.</summary>
internal sealed class FrameTooLargeException(uint length, int maximum)
    : Exception($"frame of {length} bytes exceeds the maximum of {maximum} bytes");
