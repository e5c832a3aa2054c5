using ActorMap.Hosting.Tests.Support;

namespace ActorMap.Hosting.Tests.Api;

//   hostile peer ──TCP──► seed's gRPC port (plain) ; then client ──gRPC──► seed ──► worker node
/// <summary>The Seed's client port drops what is not gRPC, one log line naming the peer, and keeps serving.</summary>
[Collection(GuardedCluster.Name)]
public sealed class ConnectionGuardSpec(GuardedCluster cluster)
{
    public static TheoryData<string, byte[]> NotHttp2() => new()
    {
        { "garbage", Garbage.Bytes(seed: 10, length: 64) },
        { "HTTP/1.1", "GET /actormap.compute.JobService/Status HTTP/1.1\r\nHost: seed\r\n\r\n"u8.ToArray() },
        { "a TLS hello to a plain port", [0x16, 0x03, 0x01, 0x00, 0x2a, 0x01, 0x00, 0x00, 0x26, 0x03, 0x03] },
    };

    [Theory]
    [MemberData(nameof(NotHttp2))]
    public async Task A_connection_that_does_not_speak_HTTP2_must_be_dropped_with_one_line_naming_it(string what, byte[] bytes)
    {
        using var peer = await RawTcp.ConnectAsync(cluster.ApiPort);
        await peer.SendAsync(bytes);

        await peer.AwaitClosedByNodeAsync(GuardedCluster.Deadline);

        var line = await OneLine.AssertLoggedOnceAsync(cluster.Log, peer.Address, "not HTTP/2 (gRPC)");
        Assert.True(line.Console.Length < 400, $"{what}: {line.Console}");
        await cluster.AssertServesAsync();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    public async Task A_connection_that_stalls_in_its_handshake_must_be_dropped_after_the_handshake_timeout(int prefaceBytes)
    {
        using var peer = await RawTcp.ConnectAsync(cluster.ApiPort);
        await peer.SendAsync("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8[..prefaceBytes].ToArray());

        await peer.AwaitClosedByNodeAsync(GuardedCluster.Deadline);

        await OneLine.AssertLoggedOnceAsync(cluster.Log, peer.Address, "no HTTP/2 (gRPC) within 2s (actormap.api.limits.handshake-timeout = 2s)");
        await cluster.AssertServesAsync();
    }

    [Fact]
    public async Task A_connection_that_closes_at_once_must_leave_only_a_debug_line()
    {
        string address;
        using (var peer = await RawTcp.ConnectAsync(cluster.ApiPort))
        {
            address = peer.Address;
        }

        // A TCP health check does exactly this, every few seconds: it is no warning.
        await OneLine.AssertLoggedOnceAsync(cluster.Log, address, "closed without sending anything", level: "dbug");
        await cluster.AssertServesAsync();
    }
}
