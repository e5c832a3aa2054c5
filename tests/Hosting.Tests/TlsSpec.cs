using System.Net.Sockets;
using ActorMap.Compute;
using ActorMap.Hosting.Client;
using ActorMap.Hosting.Security;
using ActorMap.Hosting.Tests.Support;

namespace ActorMap.Hosting.Tests;

//   seed (TLS, CA a) ◄── worker (CA a) ; intruder (CA b) ──✗ ; client (cert a | token | nothing) ──► seed
/// <summary>TLS between nodes and at the client endpoint, with a cluster-private CA.</summary>
public sealed class TlsSpec(TlsCluster fixture) : IClassFixture<TlsCluster>
{
    private readonly InProcessCluster _cluster = fixture.Cluster;
    private string Ours => fixture.Ours;
    private string Foreign => fixture.Foreign;
    private string TokenFile => fixture.TokenFile;
    private string Scratch => fixture.Directory;

    [Fact]
    public async Task A_job_must_run_over_TLS_for_a_client_with_the_clusters_certificate_or_its_token()
    {
        await using var withCertificate = await ClusterMapPool.ConnectAsync(_cluster.SeedApi, new ClusterCredentials(Ours));
        await using var withToken = await ClusterMapPool.ConnectAsync(_cluster.SeedApi, new ClusterCredentials(CaOnly(), TokenFile));

        Assert.Equal(333_283_335_000L, await withCertificate.MapReduceAsync<long>("x => x * x", new LongRange(0, 10_000), "sum"));
        Assert.Equal(49_995_000L, await withToken.MapReduceAsync<long>("x => x", new LongRange(0, 10_000), "sum"));
        var status = await ClusterClient.Connect(_cluster.SeedApi, new ClusterCredentials(Ours)).StatusAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.All(status.Members, m => Assert.StartsWith("akka.ssl.tcp://", m.Address, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_without_certificate_or_token_must_not_be_able_to_submit()
    {
        await File.WriteAllTextAsync(Path.Combine(Scratch, "wrong"), "guess");
        await using var plain = await ClusterMapPool.ConnectAsync(_cluster.SeedApi, new ClusterCredentials());
        await using var anonymous = await ClusterMapPool.ConnectAsync(_cluster.SeedApi, new ClusterCredentials(CaOnly()));
        await using var wrongToken = await ClusterMapPool.ConnectAsync(_cluster.SeedApi, new ClusterCredentials(CaOnly(), Path.Combine(Scratch, "wrong")));
        await using var foreign = await ClusterMapPool.ConnectAsync(_cluster.SeedApi, new ClusterCredentials(Foreign));

        await Assert.ThrowsAsync<MapJobException>(() => plain.MapAsync<long>("x => x", new LongRange(0, 10)));
        var unproven = await Assert.ThrowsAsync<MapJobException>(() => anonymous.MapAsync<long>("x => x", new LongRange(0, 10)));
        Assert.Contains("refused this client", unproven.Message, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<MapJobException>(() => wrongToken.MapAsync<long>("x => x", new LongRange(0, 10)));
        Assert.Contains("refused this client", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<MapJobException>(() => foreign.MapAsync<long>("x => x", new LongRange(0, 10)));
        // One line each, naming the client (the address varies; what it lacked does not).
        Assert.Contains("refused a call from 127.0.0.1:", Assert.Single(_cluster.Log.Mentioning("a wrong token")).Console, StringComparison.Ordinal);
        Assert.Single(_cluster.Log.Mentioning("no client certificate and no token"));
        await AssertServesAsync();
    }

    [Fact]
    public async Task A_node_with_a_certificate_from_another_CA_must_never_become_a_member()
    {
        var intruder = await _cluster.StartWorkerAsync(workers: 1, tls: Foreign);

        // Akka shuts a node down whose TLS handshakes with the seed fail; until then it was never let in.
        await intruder.WaitForShutdownAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await using var client = ClusterClient.Connect(_cluster.SeedApi, new ClusterCredentials(Ours));
        var status = await client.StatusAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Equal(2, status.Members.Count);
        Assert.DoesNotContain(status.Members, m => m.Address.EndsWith($":{Akka.Cluster.Cluster.Get(intruder.System).SelfAddress.Port}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_bytes_to_the_TLS_port_must_drop_that_connection_and_the_node_keep_serving()
    {
        var port = Akka.Cluster.Cluster.Get(_cluster.Seed.System).SelfAddress.Port!.Value;
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync("127.0.0.1", port);
            var stream = tcp.GetStream();
            await stream.WriteAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());
            var buffer = new byte[1024];
            int read;
            try
            {
                // Whatever the server answers, it must end by closing the connection.
                do
                {
                    read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
                }
                while (read > 0);
            }
            catch (IOException)
            {
                read = 0;
            }
            Assert.Equal(0, read);
        }

        await using var pool = await ClusterMapPool.ConnectAsync(_cluster.SeedApi, new ClusterCredentials(Ours));
        Assert.Equal(45L, await pool.MapReduceAsync<long>("x => x", new LongRange(0, 10), "sum"));
    }

    [Theory]
    [InlineData("client endpoint")]
    [InlineData("cluster port")]
    public async Task A_TLS_peer_with_a_foreign_certificate_must_be_refused_with_one_line_naming_it(string port)
    {
        var foreign = ClusterCertificates.Load(Foreign).Node;

        var address = await RawTls.HandshakeRefusedAsync(port == "client endpoint" ? _cluster.Seed.ApiPort : RemotePort, foreign, TimeSpan.FromSeconds(30));

        await OneLine.AssertLoggedOnceAsync(_cluster.Log, address, port == "client endpoint" ? "its TLS handshake failed" : "was not issued by this cluster's CA");
        await AssertServesAsync();
    }

    [Theory]
    [InlineData("client endpoint", "no TLS handshake within 2s (actormap.api.limits.handshake-timeout = 2s)")]
    [InlineData("cluster port", "Handshake timed out after [2000] ms")]
    public async Task A_TLS_handshake_that_stalls_must_be_dropped_after_the_timeout(string port, string logged)
    {
        using var peer = await RawTcp.ConnectAsync(port == "client endpoint" ? _cluster.Seed.ApiPort : RemotePort);
        // The first bytes of a ClientHello record, and no more.
        await peer.SendAsync([0x16, 0x03, 0x01, 0x02, 0x00]);

        await peer.AwaitClosedByNodeAsync(TimeSpan.FromSeconds(30));

        await OneLine.AssertLoggedOnceAsync(_cluster.Log, peer.Address, logged);
        await AssertServesAsync();
    }

    [Fact]
    public async Task Plain_bytes_to_the_TLS_client_endpoint_must_be_dropped_with_one_line_naming_them()
    {
        using var peer = await RawTcp.ConnectAsync(_cluster.Seed.ApiPort);
        await peer.SendAsync("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray());

        await peer.AwaitClosedByNodeAsync(TimeSpan.FromSeconds(30));

        await OneLine.AssertLoggedOnceAsync(_cluster.Log, peer.Address, "not a TLS handshake");
        await AssertServesAsync();
    }

    private int RemotePort => Akka.Cluster.Cluster.Get(_cluster.Seed.System).SelfAddress.Port!.Value;

    private async Task AssertServesAsync()
    {
        await using var pool = await ClusterMapPool.ConnectAsync(_cluster.SeedApi, new ClusterCredentials(Ours));
        Assert.Equal(4_950L, await pool.MapReduceAsync<long>("x => x", new LongRange(0, 100), "sum", new MapOptions { ChunkSize = 10 }));
    }

    private string CaOnly() => fixture.CaOnly();
}
