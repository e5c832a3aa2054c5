using System.Net.Sockets;
using ActorMap.Compute;
using ActorMap.Hosting.Client;
using ActorMap.Hosting.Security;
using ActorMap.Hosting.Tests.Support;

namespace ActorMap.Hosting.Tests;

//   seed (TLS, CA a) ◄── worker (CA a) ; intruder (CA b) ──✗ ; client (cert a | token | nothing) ──► seed
/// <summary>TLS between nodes and at the client endpoint, with a cluster-private CA.</summary>
public sealed class TlsSpec : IAsyncLifetime
{
    private readonly InProcessCluster _cluster = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("actormap-tls-spec-").FullName;
    private string Ours => Path.Combine(_directory, "ours");
    private string Foreign => Path.Combine(_directory, "foreign");
    private string TokenFile => Path.Combine(_directory, "token");

    public async Task InitializeAsync()
    {
        ClusterCertificates.Create(Ours, [], TimeSpan.FromDays(1));
        ClusterCertificates.Create(Foreign, [], TimeSpan.FromDays(1));
        await File.WriteAllTextAsync(TokenFile, "s3cret-token\n");
        _cluster.TlsDirectory = Ours;
        _cluster.TokenFile = TokenFile;
        await _cluster.StartSeedAndWorkerAsync(workers: 2, new ClusterCredentials(Ours));
    }

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
        await File.WriteAllTextAsync(Path.Combine(_directory, "wrong"), "guess");
        await using var plain = await ClusterMapPool.ConnectAsync(_cluster.SeedApi, new ClusterCredentials());
        await using var anonymous = await ClusterMapPool.ConnectAsync(_cluster.SeedApi, new ClusterCredentials(CaOnly()));
        await using var wrongToken = await ClusterMapPool.ConnectAsync(_cluster.SeedApi, new ClusterCredentials(CaOnly(), Path.Combine(_directory, "wrong")));
        await using var foreign = await ClusterMapPool.ConnectAsync(_cluster.SeedApi, new ClusterCredentials(Foreign));

        await Assert.ThrowsAsync<MapJobException>(() => plain.MapAsync<long>("x => x", new LongRange(0, 10)));
        var unproven = await Assert.ThrowsAsync<MapJobException>(() => anonymous.MapAsync<long>("x => x", new LongRange(0, 10)));
        Assert.Contains("refused this client", unproven.Message, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<MapJobException>(() => wrongToken.MapAsync<long>("x => x", new LongRange(0, 10)));
        Assert.Contains("refused this client", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<MapJobException>(() => foreign.MapAsync<long>("x => x", new LongRange(0, 10)));
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

    // A client that checks the Seed by the CA but has no client certificate: it must bring a token.
    private string CaOnly()
    {
        var directory = Path.Combine(_directory, "ca-only");
        Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(Ours, ClusterCertificates.CaFile), Path.Combine(directory, ClusterCertificates.CaFile), overwrite: true);
        return directory;
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
