namespace ActorMap.MultiNode.Tests.Network;

/// <summary>
/// What a <see cref="SlowLinkProxy"/> does to each direction of a connection: every byte arrives
/// <paramref name="Latency"/> after it was sent, and, with <paramref name="BytesPerSecond"/>, no
/// faster than that rate (a segment occupies the link for its size divided by the rate).
/// </summary>
internal sealed record LinkShape(TimeSpan Latency, long? BytesPerSecond = null)
{
    public static readonly LinkShape Unshaped = new(TimeSpan.Zero);

    public override string ToString() =>
        $"{Latency.TotalMilliseconds:0} ms one way" + (BytesPerSecond is { } rate ? $", {rate / 1e6:0.##} MB/s" : "");
}
