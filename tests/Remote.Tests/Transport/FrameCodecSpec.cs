using System.Buffers;
using ActorMap.Messages;
using ActorMap.Remote.Transport;

namespace ActorMap.Remote.Tests.Transport;

public sealed class FrameCodecSpec
{
    private static byte[] Encode(params Frame[] frames)
    {
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var frame in frames)
        {
            FrameCodec.Write(buffer, frame, 1 << 20);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static Frame Refused(string reason) => new() { Refused = new Refused { Reason = reason } };

    [Fact]
    public void TryReadFrame_PartialFrame_ReturnsFalseAndLeavesTheBuffer()
    {
        var bytes = Encode(Refused("complete"));
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            var buffer = new ReadOnlySequence<byte>(bytes, 0, cut);

            Assert.False(FrameCodec.TryReadFrame(ref buffer, 1 << 20, out _));
            Assert.Equal(cut, buffer.Length);
        }
    }

    [Fact]
    public void TryReadFrame_SeveralFramesInOneRead_ReturnsEachInOrder()
    {
        var buffer = new ReadOnlySequence<byte>(Encode(Refused("a"), Refused("b"), Refused("c")));
        var reasons = new List<string>();

        while (FrameCodec.TryReadFrame(ref buffer, 1 << 20, out var frame))
        {
            reasons.Add(Frame.Parser.ParseFrom(frame).Refused.Reason);
        }

        Assert.Equal(["a", "b", "c"], reasons);
        Assert.Equal(0, buffer.Length);
    }

    [Fact]
    public void TryReadFrame_FrameSplitAcrossSegments_IsReassembled()
    {
        var bytes = Encode(Refused(new string('x', 1000)));
        var buffer = Segments.Of(bytes, 7);

        Assert.True(FrameCodec.TryReadFrame(ref buffer, 1 << 20, out var frame));
        Assert.Equal(1000, Frame.Parser.ParseFrom(frame).Refused.Reason.Length);
    }

    [Fact]
    public void TryReadFrame_OversizedLength_ThrowsBeforeTheBodyArrives()
    {
        var bytes = Encode(Refused(new string('x', 2000)));
        var header = new ReadOnlySequence<byte>(bytes, 0, FrameCodec.PrefixSize);

        Assert.Throws<FrameTooLargeException>(() => FrameCodec.TryReadFrame(ref header, 1024, out _));
    }

    [Fact]
    public void Write_FrameOverTheMaximum_Throws()
    {
        var buffer = new ArrayBufferWriter<byte>();

        Assert.Throws<FrameTooLargeException>(() => FrameCodec.Write(buffer, Refused(new string('x', 2000)), 1024));
    }

    /// <summary>Cuts a byte array into a chain of small segments, as a socket read may deliver it.</summary>
    private sealed class Segments : ReadOnlySequenceSegment<byte>
    {
        private Segments(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public static ReadOnlySequence<byte> Of(byte[] bytes, int size)
        {
            var first = new Segments(bytes.AsMemory(0, Math.Min(size, bytes.Length)), 0);
            var last = first;
            for (var offset = size; offset < bytes.Length; offset += size)
            {
                var next = new Segments(bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset)), offset);
                last.Next = next;
                last = next;
            }
            return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        }
    }
}
