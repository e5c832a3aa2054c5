using ActorMap.Hosting.Client;
using ActorMap.Hosting.Security;

namespace ActorMap.Hosting.Tests.Support;

/// <summary>
/// One TLS cluster for every TLS spec: a Seed and a WorkerNode with the CA "ours", a foreign CA
/// for intruders, and a token file; short handshake timeouts, so stalled peers are dropped soon.
/// </summary>
public sealed class TlsCluster : IAsyncLifetime
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("actormap-tls-spec-").FullName;

    public string Ours => Path.Combine(Directory, "ours");

    public string Foreign => Path.Combine(Directory, "foreign");

    public string TokenFile => Path.Combine(Directory, "token");

    internal InProcessCluster Cluster { get; } = new();

    public async Task InitializeAsync()
    {
        ClusterCertificates.Create(Ours, [], TimeSpan.FromDays(1));
        ClusterCertificates.Create(Foreign, [], TimeSpan.FromDays(1));
        await File.WriteAllTextAsync(TokenFile, "s3cret-token\n");
        Cluster.TlsDirectory = Ours;
        Cluster.TokenFile = TokenFile;
        Cluster.Settings["actormap.api.limits.handshake-timeout"] = "2s";
        Cluster.Settings["akka.remote.dot-netty.tcp.connection-timeout"] = "2s";
        await Cluster.StartSeedAndWorkerAsync(workers: 2, new ClusterCredentials(Ours));
    }

    /// <summary>A client that checks the Seed by the CA but has no client certificate: it must bring a token.</summary>
    public string CaOnly()
    {
        var directory = Path.Combine(Directory, "ca-only");
        System.IO.Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(Ours, ClusterCertificates.CaFile), Path.Combine(directory, ClusterCertificates.CaFile), overwrite: true);
        return directory;
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
