using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Channels;

namespace ActorMap.MultiNode.Tests.Network;

/// <summary>
/// One direction of a proxied connection: a reader takes what arrives and stamps it with the time
/// it may leave; a writer sends each segment at that time (and, under a rate limit, once the link
/// is free). The queue between them is bounded, so a slow far end holds back the near one as a
/// full link would. At the reader's end of stream the writer half-closes its side in turn.
/// </summary>
internal static class DelayedPipe
{
    private const int SegmentSize = 64 * 1024;

    // 256 segments of up to 64 KiB: 16 MiB in flight at most, Akka.Remote's own buffer size.
    private const int QueuedSegments = 256;

    private readonly record struct Segment(byte[] Bytes, int Length, long DueTimestamp);

    /// <summary>Pumps <paramref name="from"/> into <paramref name="to"/> until the end of stream; <paramref name="sent"/> counts each byte delivered.</summary>
    public static async Task RunAsync(Socket from, Socket to, Func<LinkShape> shape, Action<int> sent, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<Segment>(new BoundedChannelOptions(QueuedSegments) { SingleReader = true, SingleWriter = true });
        var reading = ReadAsync(from, queue.Writer, shape, cancellationToken);
        var writing = WriteAsync(queue.Reader, to, shape, sent, cancellationToken);
        await Task.WhenAll(reading, writing);
    }

    private static async Task ReadAsync(Socket from, ChannelWriter<Segment> queue, Func<LinkShape> shape, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var bytes = new byte[SegmentSize];
                var length = await from.ReceiveAsync(bytes, SocketFlags.None, cancellationToken);
                if (length == 0)
                {
                    break;
                }
                var due = Stopwatch.GetTimestamp() + (long)(shape().Latency.TotalSeconds * Stopwatch.Frequency);
                await queue.WriteAsync(new Segment(bytes, length, due), cancellationToken);
            }
            queue.Complete();
        }
        catch (Exception e)
        {
            queue.Complete(e);
            throw;
        }
    }

    private static async Task WriteAsync(ChannelReader<Segment> queue, Socket to, Func<LinkShape> shape, Action<int> sent, CancellationToken cancellationToken)
    {
        var linkFree = 0L;
        await foreach (var segment in queue.ReadAllAsync(cancellationToken))
        {
            var leaves = segment.DueTimestamp;
            if (shape().BytesPerSecond is { } rate)
            {
                // The segment starts crossing when it is due and the link is free, and has
                // arrived once all of it has crossed.
                linkFree = Math.Max(linkFree, leaves) + (long)((double)segment.Length / rate * Stopwatch.Frequency);
                leaves = linkFree;
            }
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), leaves);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
            var offset = 0;
            while (offset < segment.Length)
            {
                offset += await to.SendAsync(segment.Bytes.AsMemory(offset, segment.Length - offset), SocketFlags.None, cancellationToken);
            }
            sent(segment.Length);
        }
        to.Shutdown(SocketShutdown.Send);
    }
}
