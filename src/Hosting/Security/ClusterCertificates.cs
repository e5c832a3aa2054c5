using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ActorMap.Hosting.Security;

/// <summary>
/// The files of a cluster's TLS directory, as <c>actormap certs create</c> writes them: a
/// cluster-private CA, one certificate every node presents (to other nodes and to clients), and
/// one certificate clients present. Made with .NET's X509 APIs; no openssl needed.
/// </summary>
public sealed class ClusterCertificates
{
    public const string CaFile = "ca.crt";
    public const string NodeFile = "node.pfx";
    public const string ClientFile = "client.pfx";

    private ClusterCertificates(X509Certificate2 authority, X509Certificate2 node, X509Certificate2? client)
    {
        Authority = authority;
        Node = node;
        Client = client;
    }

    /// <summary>The cluster's CA, without its private key: what every peer is checked against.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The node certificate, with its private key.</summary>
    public X509Certificate2 Node { get; }

    /// <summary>The client certificate, with its private key; null when the directory has none.</summary>
    public X509Certificate2? Client { get; }

    /// <summary>Writes a new CA, node and client certificate into <paramref name="directory"/>; refuses to overwrite.</summary>
    /// <param name="hostNames">Names and addresses the node certificate is valid for, beside localhost and 127.0.0.1.</param>
    /// <exception cref="IOException">The directory already holds a cluster's files.</exception>
    public static void Create(string directory, IReadOnlyList<string> hostNames, TimeSpan validity)
    {
        ArgumentNullException.ThrowIfNull(hostNames);
        Directory.CreateDirectory(directory);
        foreach (var file in new[] { CaFile, NodeFile, ClientFile, "ca.pfx" })
        {
            if (File.Exists(Path.Combine(directory, file)))
            {
                throw new IOException($"'{Path.Combine(directory, file)}' already exists: pick an empty directory, or delete the old files first");
            }
        }
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=ActorMap cluster CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now, now + validity);

        using var node = Issue(ca, "CN=ActorMap node", hostNames, now, now + validity);
        using var client = Issue(ca, "CN=ActorMap client", [], now, now + validity);
        File.WriteAllText(Path.Combine(directory, CaFile), ca.ExportCertificatePem());
        // The CA's key stays here, to issue more certificates later; nodes never need it.
        Write(Path.Combine(directory, "ca.pfx"), ca.Export(X509ContentType.Pkcs12));
        Write(Path.Combine(directory, NodeFile), node.Export(X509ContentType.Pkcs12));
        Write(Path.Combine(directory, ClientFile), client.Export(X509ContentType.Pkcs12));
    }

    /// <exception cref="ArgumentException">The directory lacks a file or holds one that is not a certificate (named).</exception>
    public static ClusterCertificates Load(string directory)
    {
        var authority = Read(directory, CaFile, f => X509Certificate2.CreateFromPem(File.ReadAllText(f)));
        var node = Read(directory, NodeFile, f => X509CertificateLoader.LoadPkcs12FromFile(f, null));
        return new ClusterCertificates(authority, node, OptionalClient(directory));
    }

    /// <summary>What a client needs: the CA to check the Seed by, and the client certificate when it proves itself by one.</summary>
    /// <exception cref="ArgumentException">ca.crt is missing or unreadable.</exception>
    public static ClusterCertificates LoadForClient(string directory)
    {
        var authority = Read(directory, CaFile, f => X509Certificate2.CreateFromPem(File.ReadAllText(f)));
        return new ClusterCertificates(authority, authority, OptionalClient(directory));
    }

    private static X509Certificate2? OptionalClient(string directory) =>
        File.Exists(Path.Combine(directory, ClientFile)) ? Read(directory, ClientFile, f => X509CertificateLoader.LoadPkcs12FromFile(f, null)) : null;

    /// <summary>True when <paramref name="certificate"/> was issued by this cluster's CA and is valid now.</summary>
    public bool Trusts(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        // A private CA publishes no revocation list; the certificates are short-lived instead.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate)
            && chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(Authority.RawDataMemory.Span);
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, IReadOnlyList<string> hostNames, DateTimeOffset from, DateTimeOffset until)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        // Nodes are TLS servers and clients of each other (mutual authentication): both usages.
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        foreach (var name in hostNames)
        {
            if (System.Net.IPAddress.TryParse(name, out var address))
            {
                names.AddIpAddress(address);
            }
            else
            {
                names.AddDnsName(name);
            }
        }
        request.CertificateExtensions.Add(names.Build());
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(ca, from, until, serial);
        return issued.CopyWithPrivateKey(key);
    }

    private static void Write(string path, byte[] bytes)
    {
        File.WriteAllBytes(path, bytes);
        if (!OperatingSystem.IsWindows())
        {
            // Private keys: readable by their owner only.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static X509Certificate2 Read(string directory, string file, Func<string, X509Certificate2> load)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"actormap.tls.dir: '{path}' does not exist (create the directory with 'actormap certs create --out {directory}')");
        }
        try
        {
            return load(path);
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException($"actormap.tls.dir: '{path}' is not a readable certificate: {e.Message}", e);
        }
    }
}
