using ActorMap.Hosting.Tests.Support;

namespace ActorMap.Hosting.Tests.Nodes;

//   hostile peer ──TCP──► seed's cluster port (Akka.Remote, plain) ; then client ──► seed ──► worker node
/// <summary>
/// The cluster port is Akka's: it drops what is not its protocol, and the node's log shows that
/// as one warning naming the peer. A job then still runs across the cluster.
/// </summary>
[Collection(GuardedCluster.Name)]
public sealed class RemotePortSpec(GuardedCluster cluster)
{
    public static TheoryData<string, byte[], string> NotAkka() => new()
    {
        // Akka frames start with a little-endian length: these claim far more than maximum-frame-size.
        { "garbage", Garbage.Bytes(seed: 20, length: 64), "Error caught channel" },
        { "HTTP/1.1", "GET / HTTP/1.1\r\nHost: seed\r\n\r\n"u8.ToArray(), "Adjusted frame length exceeds" },
        // A frame of the right size whose content is no Akka PDU.
        { "a short frame of garbage", [4, 0, 0, 0, 0xff, 0xff, 0xff, 0xff], "Error while decoding incoming Akka PDU" },
    };

    [Theory]
    [MemberData(nameof(NotAkka))]
    public async Task A_connection_that_does_not_speak_Akka_must_be_dropped_with_one_line_naming_it(string what, byte[] bytes, string logged)
    {
        using var peer = await RawTcp.ConnectAsync(cluster.RemotePort);
        await peer.SendAsync(bytes);

        await peer.AwaitClosedByNodeAsync(GuardedCluster.Deadline);

        Assert.NotEmpty(what);
        await OneLine.AssertLoggedOnceAsync(cluster.Log, peer.Address, logged);
        await cluster.AssertServesAsync();
    }

    [Fact]
    public async Task A_connection_that_stalls_in_its_handshake_must_be_dropped_after_the_connection_timeout()
    {
        using var peer = await RawTcp.ConnectAsync(cluster.RemotePort);
        // The start of a 100-byte frame that never ends.
        await peer.SendAsync([100, 0, 0, 0, 1, 2]);

        await peer.AwaitClosedByNodeAsync(GuardedCluster.Deadline);

        await OneLine.AssertLoggedOnceAsync(cluster.Log, peer.Address, "Handshake timed out after [2000] ms");
        await cluster.AssertServesAsync();
    }

    [Fact]
    public async Task A_connection_that_closes_at_once_must_log_no_warning()
    {
        string address;
        using (var peer = await RawTcp.ConnectAsync(cluster.RemotePort))
        {
            address = peer.Address;
        }

        // Nothing to wait for: Akka notes a silent close at Debug only. A job runs meanwhile, and then
        // no line of the node names the peer.
        await cluster.AssertServesAsync();
        Assert.Empty(cluster.Log.Mentioning(address));
    }
}
