using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using ActorMap.Compute;
using ActorMap.Hosting.Client;
using ActorMap.Hosting.Security;
using ActorMap.Hosting.Tests.Support;

namespace ActorMap.Hosting.Tests.Dashboard;

//   seed (TLS) ── one port: ALPN h2 ◄── gRPC clients ; ALPN http/1.1 ◄── browsers, scripts, garbage
/// <summary>With TLS the dashboard shares the client endpoint's port, and its guard, with gRPC.</summary>
public sealed class DashboardTlsSpec(TlsCluster fixture) : IClassFixture<TlsCluster>
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(30);

    private InProcessCluster Cluster => fixture.Cluster;

    private string Url => $"https://127.0.0.1:{Cluster.Seed.ApiPort}/";

    [Fact]
    public async Task A_browser_with_the_token_must_get_the_dashboard_over_HTTP11_on_the_API_port_beside_gRPC()
    {
        using var client = new DashboardClient(Url);

        using var overview = await client.GetAsync("/api/overview", bearer: "s3cret-token");

        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Equal(HttpVersion.Version11, overview.Version);
        Assert.Contains($"\"dashboard_url\":\"https://127.0.0.1:{Cluster.Seed.ApiPort}/\"", await overview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var pool = await ClusterMapPool.ConnectAsync(Cluster.SeedApi, new ClusterCredentials(fixture.Ours));
        Assert.Equal(4_950L, await pool.MapReduceAsync<long>("x => x", new LongRange(0, 100), "sum", new MapOptions { ChunkSize = 10 }));
    }

    [Fact]
    public async Task A_client_certificate_of_the_cluster_must_pass_without_a_token_and_nothing_must_not()
    {
        using var withCertificate = new DashboardClient(Url, ClusterCertificates.Load(fixture.Ours).Client);
        using var anonymous = new DashboardClient(Url);

        using var admitted = await withCertificate.GetAsync("/api/overview");
        using var refused = await anonymous.GetAsync("/api/overview");

        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await OneLine.AssertLoggedOnceAsync(Cluster.Log, anonymous.LastAddress, "refused a dashboard request from");
    }

    [Fact]
    public async Task Garbage_after_a_TLS_handshake_that_chose_HTTP11_must_be_dropped_with_one_line()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", Cluster.Seed.ApiPort);
        var address = Hosting.Api.PeerAddress.Of(tcp.Client.LocalEndPoint);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ApplicationProtocols = [SslApplicationProtocol.Http11],
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        Assert.Equal(SslApplicationProtocol.Http11, tls.NegotiatedApplicationProtocol);

        await tls.WriteAsync("\u0001\u0002 not a request\r\n\r\n"u8.ToArray());

        using var deadline = new CancellationTokenSource(s_deadline);
        var buffer = new byte[1024];
        try
        {
            while (await tls.ReadAsync(buffer, deadline.Token) > 0)
            {
            }
        }
        catch (IOException)
        {
            // A reset is a close too.
        }
        await OneLine.AssertLoggedOnceAsync(Cluster.Log, address, "not an HTTP/1.1 GET (the dashboard)");
    }
}
