using System.Threading.Channels;

namespace ActorMap.Compute.Jobs;

/// <summary>
/// A sink whose chunks a consumer reads at its own pace. At most <see cref="Window"/> finished
/// chunks wait for it (in the aggregator's mailbox, held for order, or released); beyond that the
/// router stops dispatching, so a slow reader (a console on
/// a slow link, behind HTTP/2 flow control) slows the job instead of growing memory without bound.
/// </summary>
internal abstract class BackPressuredSink : ResultSink
{
    public const int Window = 16;

    private int _waiting;

    public override bool HasRoom => Volatile.Read(ref _waiting) < Window;

    /// <summary>The consumer took a chunk.</summary>
    public void Consumed()
    {
        if (Interlocked.Decrement(ref _waiting) == Window - 1)
        {
            RoomMade?.Invoke();
        }
    }

    public override void Arrived() => Interlocked.Increment(ref _waiting);
}

/// <summary>Hands chunks to an async stream in input order (imap).</summary>
internal sealed class OrderedStreamSink<TOut> : BackPressuredSink
{
    private readonly Channel<TOut[]> _channel = Channel.CreateUnbounded<TOut[]>(new UnboundedChannelOptions { SingleWriter = true, SingleReader = true });

    public ChannelReader<TOut[]> Reader => _channel.Reader;

    public override void Accept(long firstIndex, ChunkOutput output)
    {
        _channel.Writer.TryWrite(ChunkOutputs.As<TOut>(output));
    }

    protected override void OnComplete() => _channel.Writer.TryComplete();

    protected override void OnFail(Exception error) => _channel.Writer.TryComplete(error);
}

/// <summary>Hands chunks to an async stream as they finish, each with its first index (imap_unordered).</summary>
internal sealed class UnorderedStreamSink<TOut> : BackPressuredSink
{
    private readonly Channel<(long FirstIndex, TOut[] Results)> _channel =
        Channel.CreateUnbounded<(long, TOut[])>(new UnboundedChannelOptions { SingleWriter = true, SingleReader = true });

    public override bool Ordered => false;

    public ChannelReader<(long FirstIndex, TOut[] Results)> Reader => _channel.Reader;

    public override void Accept(long firstIndex, ChunkOutput output)
    {
        _channel.Writer.TryWrite((firstIndex, ChunkOutputs.As<TOut>(output)));
    }

    protected override void OnComplete() => _channel.Writer.TryComplete();

    protected override void OnFail(Exception error) => _channel.Writer.TryComplete(error);
}
