using System.Threading.Channels;

namespace ActorMap.Compute.Jobs;

/// <summary>Hands chunks to an async stream in input order (imap).</summary>
internal sealed class OrderedStreamSink<TOut> : ResultSink
{
    private readonly Channel<TOut[]> _channel = Channel.CreateUnbounded<TOut[]>(new UnboundedChannelOptions { SingleWriter = true, SingleReader = true });

    public ChannelReader<TOut[]> Reader => _channel.Reader;

    public override void Accept(long firstIndex, ChunkOutput output) =>
        _channel.Writer.TryWrite(ChunkOutputs.As<TOut>(output));

    protected override void OnComplete() => _channel.Writer.TryComplete();

    protected override void OnFail(Exception error) => _channel.Writer.TryComplete(error);
}

/// <summary>Hands chunks to an async stream as they finish, each with its first index (imap_unordered).</summary>
internal sealed class UnorderedStreamSink<TOut> : ResultSink
{
    private readonly Channel<(long FirstIndex, TOut[] Results)> _channel =
        Channel.CreateUnbounded<(long, TOut[])>(new UnboundedChannelOptions { SingleWriter = true, SingleReader = true });

    public override bool Ordered => false;

    public ChannelReader<(long FirstIndex, TOut[] Results)> Reader => _channel.Reader;

    public override void Accept(long firstIndex, ChunkOutput output) =>
        _channel.Writer.TryWrite((firstIndex, ChunkOutputs.As<TOut>(output)));

    protected override void OnComplete() => _channel.Writer.TryComplete();

    protected override void OnFail(Exception error) => _channel.Writer.TryComplete(error);
}
