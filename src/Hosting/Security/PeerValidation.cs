using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Akka.Event;
using Akka.Remote.Transport.DotNetty;

namespace ActorMap.Hosting.Security;

/// <summary>Akka.Remote's TLS with mutual authentication, trusting the cluster's CA only (never the OS store).</summary>
internal static class PeerValidation
{
    public static DotNettySslSetup SslSetup(ClusterCertificates certificates) =>
        new(certificates.Node, suppressValidation: false, requireMutualAuthentication: true,
            CertificateValidation.Combine(ChainedToClusterCa(certificates)));

    private static CertificateValidationCallback ChainedToClusterCa(ClusterCertificates certificates) =>
        (certificate, _, remotePeer, errors, log) =>
        {
            // The OS does not know our CA, so a chain error is expected here; a missing certificate is not.
            if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
            {
                log.Warning("refused a TLS peer {0}: it presented no certificate", remotePeer);
                return false;
            }
            var peer = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            if (!certificates.Trusts(peer))
            {
                log.Warning("refused a TLS peer {0}: its certificate '{1}' was not issued by this cluster's CA", remotePeer, peer.Subject);
                return false;
            }
            return true;
        };
}
